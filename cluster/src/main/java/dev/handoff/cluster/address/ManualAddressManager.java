package dev.handoff.cluster.address;

import java.net.InetAddress;

/**
 * For environments where something else moves the address (a cloud load balancer, keepalived, a Kubernetes
 * Service): every call succeeds and changes nothing. {@link #isUp} answers true, so the edge serves as soon
 * as the VIP machine says so; the operator's tooling is trusted to route the address here.
 */
public final class ManualAddressManager implements AddressManager {

    @Override
    public void add(IpPrefix address) {
        // Nothing to do: the address is moved outside Handoff.
    }

    @Override
    public void remove(IpPrefix address) {
        // Nothing to do: the address is moved outside Handoff.
    }

    @Override
    public boolean isUp(InetAddress address) {
        return true;
    }

    @Override
    public SendResult announce(InetAddress address) {
        return new SendResult.Skipped("addresses are managed outside Handoff (manual mode)");
    }
}
