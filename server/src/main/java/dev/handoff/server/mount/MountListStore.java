package dev.handoff.server.mount;

import dev.handoff.server.mount.xdr.MountEntry;
import java.io.IOException;
import java.util.List;

/** Where the mount list lives between restarts: a file in the state directory, or nowhere. */
public interface MountListStore {
    /** Keeps nothing: the list starts empty at every start. */
    MountListStore NONE = new MountListStore() {
        @Override
        public List<MountEntry> load() {
            return List.of();
        }

        @Override
        public void save(List<MountEntry> mounts) {
        }
    };

    /** The saved mounts, oldest first. */
    List<MountEntry> load() throws IOException;

    /** Replaces what was saved with {@code mounts} (oldest first), all or nothing. */
    void save(List<MountEntry> mounts) throws IOException;
}
