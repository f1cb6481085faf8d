package dev.handoff.rpc.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import java.util.function.Consumer;

/** How an {@link RpcClient} moves records: over a TCP connection or a UDP socket. Used on the event loop only. */
sealed interface ClientTransport permits TcpClientTransport, UdpClientTransport {

    /** What a transport reports to its client, on the event loop. */
    interface Listener {
        /** One reply record, valid only during the call. */
        void onRecord(ByteBuf record);

        /** TCP connection number {@code connection} broke; replies to calls sent on it will never come. */
        void onConnectionLost(int connection);
    }

    /**
     * Sends one call record, connecting first if needed. Returns the number of the connection it goes out on;
     * a failure to connect or write is reported to {@code onFailure} later.
     */
    int send(byte[] record, Consumer<Throwable> onFailure);

    /** Closes the socket; the future completes when it is closed. */
    ChannelFuture close();
}
