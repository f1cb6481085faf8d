package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * mknoddata3 (RFC 1813 §3.3.11): a union on the type to create. Character and block devices carry attributes
 * and device numbers, sockets and FIFOs attributes only; the other types have a void arm, which the decoder
 * accepts ({@link Other}) so that the handler can answer NFS3ERR_BADTYPE as the RFC asks.
 */
public sealed interface MknodData3 {
    FileType3 type();

    /** NF3CHR or NF3BLK. */
    record Device(FileType3 type, Sattr3 attributes, SpecData3 spec) implements MknodData3 {
        public Device {
            if (type != FileType3.NF3CHR && type != FileType3.NF3BLK) {
                throw new IllegalArgumentException("a device is NF3CHR or NF3BLK, not " + type);
            }
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(spec, "spec");
        }
    }

    /** NF3SOCK or NF3FIFO. */
    record Pipe(FileType3 type, Sattr3 attributes) implements MknodData3 {
        public Pipe {
            if (type != FileType3.NF3SOCK && type != FileType3.NF3FIFO) {
                throw new IllegalArgumentException("a pipe is NF3SOCK or NF3FIFO, not " + type);
            }
            Objects.requireNonNull(attributes, "attributes");
        }
    }

    /** NF3REG, NF3DIR or NF3LNK: not creatable by MKNOD. */
    record Other(FileType3 type) implements MknodData3 {
        public Other {
            if (type != FileType3.NF3REG && type != FileType3.NF3DIR && type != FileType3.NF3LNK) {
                throw new IllegalArgumentException("MKNOD's void arm is NF3REG, NF3DIR or NF3LNK, not " + type);
            }
        }
    }
}
