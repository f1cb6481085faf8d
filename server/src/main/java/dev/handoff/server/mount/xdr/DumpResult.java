package dev.handoff.server.mount.xdr;

import java.util.List;

/** The result of DUMP (RFC 1813 appendix I.4.2): mountlist, the mounts the server remembers. */
public record DumpResult(List<MountEntry> mounts) {
    public DumpResult {
        mounts = List.copyOf(mounts);
    }
}
