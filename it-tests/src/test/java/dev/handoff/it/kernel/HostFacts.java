package dev.handoff.it.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link KernelClientAvailability} looks at, gathered in one place so that the check itself is a pure
 * function (tests hand it made-up facts).
 *
 * @param uid        the real uid of this process, -1 if unknown
 * @param searchPath the directories of {@code PATH}
 * @param kitDir     it-tests/kernel-client (run.sh, setup.sh)
 * @param cacheDir   where setup.sh put the kernel and the base initramfs
 * @param tunDevice  {@code /dev/net/tun}, which tap devices need
 */
record HostFacts(String osName, long uid, List<Path> searchPath, Path kitDir, Path cacheDir, Path tunDevice) {

    HostFacts {
        searchPath = List.copyOf(searchPath);
    }

    static HostFacts current(Path kitDir, Path cacheDir) {
        String path = System.getenv().getOrDefault("PATH", "");
        List<Path> dirs = Arrays.stream(path.split(":")).filter(s -> !s.isEmpty()).map(Path::of).toList();
        return new HostFacts(System.getProperty("os.name", "?"), realUid(), dirs, kitDir, cacheDir,
                Path.of("/dev/net/tun"));
    }

    boolean onPath(String command) {
        return searchPath.stream().map(d -> d.resolve(command)).anyMatch(Files::isExecutable);
    }

    /** The "Uid:" line of /proc/self/status: real, effective, saved, fs uid. */
    private static long realUid() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("Uid:"))
                    .map(l -> l.substring(4).strip().split("\\s+")[0]).mapToLong(Long::parseLong)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
