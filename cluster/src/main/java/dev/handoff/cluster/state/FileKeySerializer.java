package dev.handoff.cluster.state;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import dev.handoff.nlm.state.FileKey;
import java.io.IOException;

/** The key of the lock map: the file key's bytes, which Hazelcast then compares and hashes as they are. */
final class FileKeySerializer implements StreamSerializer<FileKey> {

    @Override
    public int getTypeId() {
        return StateTypeIds.FILE_KEY;
    }

    @Override
    public void write(ObjectDataOutput out, FileKey key) throws IOException {
        Wire.writeOpaque(out, key.bytes());
    }

    @Override
    public FileKey read(ObjectDataInput in) throws IOException {
        return read0(in);
    }

    static FileKey read0(ObjectDataInput in) throws IOException {
        try {
            return new FileKey(Wire.readOpaque(in, FileKey.MAX_LENGTH));
        } catch (IllegalArgumentException e) {
            throw Wire.invalid(e);
        }
    }
}
