package dev.handoff.it.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Describes a {@link KernelClientRun}. Only a server command and at least one guest are required; everything
 * else has the runner's defaults (1 node at 10.0.3.1, no VIP, guests mount node 1, 300 s per guest).
 */
public final class KernelClientRunBuilder {
    private static final Pattern VARIABLE = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern IPV4 = GuestSpec.IPV4;

    private final String name;
    private final Map<Integer, String> serverCommands = new TreeMap<>();   // 0 = every node
    private final List<GuestSpec> guests = new ArrayList<>();
    private final Map<String, String> guestEnv = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private int nodes = 1;
    private String vip;
    private String serverIp;
    private String hostScript;
    private Path testsDir;
    private Path outDir;
    private Path workingDir;
    private Path kitDir;
    private Duration timeout = Duration.ofSeconds(300);
    private Duration serverStartTimeout = Duration.ofSeconds(60);
    private Duration deadline;

    KernelClientRunBuilder(String name) {
        if (!GuestSpec.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad run name: '" + name + "'");
        }
        this.name = name;
    }

    /**
     * The command run (with {@code bash -c}, or directly if it names an executable file) inside every node:
     * it starts the server in the background and returns; the runner then waits for the ready port.
     */
    public KernelClientRunBuilder serverCommand(String command) {
        serverCommands.put(0, Objects.requireNonNull(command));
        return this;
    }

    /** The command for node {@code node} alone (1-based), replacing the common one there. */
    public KernelClientRunBuilder serverCommand(int node, String command) {
        if (node < 1 || node > 4) {
            throw new IllegalArgumentException("node must be 1..4: " + node);
        }
        serverCommands.put(node, Objects.requireNonNull(command));
        return this;
    }

    /** Server nodes node1..nodeN (1..4), each its own network namespace at 10.0.3.N. */
    public KernelClientRunBuilder nodes(int count) {
        if (count < 1 || count > 4) {
            throw new IllegalArgumentException("nodes must be 1..4: " + count);
        }
        this.nodes = count;
        return this;
    }

    /** A floating /32 address, first on node 1; guests mount it unless told otherwise. */
    public KernelClientRunBuilder vip(String address) {
        this.vip = requireIp(address);
        return this;
    }

    /** The address guests mount by default (instead of the VIP or node 1). */
    public KernelClientRunBuilder serverIp(String address) {
        this.serverIp = requireIp(address);
        return this;
    }

    /** One more guest (up to 4) running these tests in order. */
    public KernelClientRunBuilder guest(String... tests) {
        return guest(GuestSpec.of(tests));
    }

    public KernelClientRunBuilder guest(GuestSpec guest) {
        if (guests.size() == 4) {
            throw new IllegalArgumentException("at most 4 guests");
        }
        guests.add(Objects.requireNonNull(guest));
        return this;
    }

    /** A variable for every guest's tests, e.g. {@code IO_DURATION=20}. */
    public KernelClientRunBuilder guestEnv(String key, String value) {
        GuestSpec.requireVariable(key, value);
        guestEnv.put(key, value);
        return this;
    }

    /**
     * Runs in the outer namespace while the guests run (a command string has lib/host-lib.sh sourced already;
     * an executable file sources {@code $KC_HOST_LIB} itself). Its exit code counts toward the result.
     */
    public KernelClientRunBuilder hostScript(String script) {
        this.hostScript = Objects.requireNonNull(script);
        return this;
    }

    /** Extra guest tests: every DIR/*.sh becomes /tests/NAME.sh (a built-in of the same name is replaced). */
    public KernelClientRunBuilder testsDir(Path dir) {
        this.testsDir = dir.toAbsolutePath();
        return this;
    }

    /** Per-guest limit; qemu is killed when it is reached and the guest's verdict is TIMEOUT. */
    public KernelClientRunBuilder timeout(Duration limit) {
        if (limit.toSeconds() < 1) {
            throw new IllegalArgumentException("timeout below one second: " + limit);
        }
        this.timeout = limit;
        return this;
    }

    /** How long a server command and its ready port may take. */
    public KernelClientRunBuilder serverStartTimeout(Duration limit) {
        this.serverStartTimeout = limit;
        return this;
    }

    /**
     * The limit for the whole runner, after which it is killed with everything it started (default: the guest
     * timeout, plus the server start timeout, plus 90 s for setup, the host script's grace and the summary).
     */
    public KernelClientRunBuilder deadline(Duration limit) {
        this.deadline = limit;
        return this;
    }

    /** The TCP port that says a node's server is up (default the NFS port, 2049). */
    public KernelClientRunBuilder readyPort(int port) {
        return env("SERVER_READY_PORT", Integer.toString(port));
    }

    /** Any other runner variable: NFS_PORT, MOUNT_PORT, MOUNT_OPTS, CAPTURE, VIP_MOVE_MODE, MOVE_AT... */
    public KernelClientRunBuilder env(String key, String value) {
        if (!VARIABLE.matcher(key).matches()) {
            throw new IllegalArgumentException("bad variable name: '" + key + "'");
        }
        env.put(key, Objects.requireNonNull(value));
        return this;
    }

    /** Results directory (default: the build directory's kernel-client-runs/NAME-TIME, else the cache's runs/). */
    public KernelClientRunBuilder outDir(Path dir) {
        this.outDir = dir.toAbsolutePath();
        return this;
    }

    /** Working directory of server commands and host scripts (default: the repository root). */
    public KernelClientRunBuilder workingDir(Path dir) {
        this.workingDir = dir.toAbsolutePath();
        return this;
    }

    /** The kernel-client scripts (default {@link KernelClient#kitDir()}). */
    public KernelClientRunBuilder kitDir(Path dir) {
        this.kitDir = dir.toAbsolutePath();
        return this;
    }

    public KernelClientRun build() {
        if (serverCommands.isEmpty()) {
            throw new IllegalStateException("a server command is required");
        }
        if (guests.isEmpty()) {
            throw new IllegalStateException("at least one guest is required");
        }
        for (int n = 1; n <= nodes; n++) {
            if (!serverCommands.containsKey(0) && !serverCommands.containsKey(n)) {
                throw new IllegalStateException("node " + n + " has no server command");
            }
        }
        Path kit = kitDir != null ? kitDir : KernelClient.kitDir();
        Path out = outDir != null ? outDir : KernelClient.runsDir()
                .orElse(KernelClient.cacheDir().resolve("runs"))
                .resolve(name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        Path wd = workingDir != null ? workingDir : KernelClient.repoRoot();
        Duration limit = deadline != null ? deadline : timeout.plus(serverStartTimeout).plusSeconds(90);
        return new KernelClientRun(name, wd, out, command(kit, out), environment(), limit);
    }

    private List<String> command(Path kit, Path out) {
        List<String> cmd = new ArrayList<>(List.of(kit.resolve("run.sh").toString(), "-o", out.toString(),
                "--timeout", Long.toString(timeout.toSeconds()), "-n", Integer.toString(nodes)));
        if (vip != null) {
            cmd.addAll(List.of("--vip", vip));
        }
        if (serverIp != null) {
            cmd.addAll(List.of("--server-ip", serverIp));
        }
        if (hostScript != null) {
            cmd.addAll(List.of("-H", hostScript));
        }
        if (testsDir != null) {
            cmd.addAll(List.of("-t", testsDir.toString()));
        }
        cmd.add("--");
        guests.forEach(g -> cmd.add(g.word()));
        return cmd;
    }

    private Map<String, String> environment() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("KC_CACHE", KernelClient.cacheDir().toString());
        e.put("SERVER_START_TIMEOUT", Long.toString(Math.max(1, serverStartTimeout.toSeconds())));
        serverCommands.forEach((node, cmd) -> e.put(node == 0 ? "SERVER_CMD" : "SERVER_CMD_" + node, cmd));
        if (!serverCommands.containsKey(0)) {
            // every node has its own command (checked in build), but the runner insists on SERVER_CMD
            e.put("SERVER_CMD", serverCommands.values().iterator().next());
        }
        if (!guestEnv.isEmpty()) {
            e.put("GUEST_ENV", joinVariables(guestEnv));
        }
        for (int i = 0; i < guests.size(); i++) {
            if (!guests.get(i).env().isEmpty()) {
                e.put("GUEST_ENV_" + i, joinVariables(guests.get(i).env()));
            }
        }
        e.putAll(env);
        return e;
    }

    private static String joinVariables(Map<String, String> vars) {
        return vars.entrySet().stream().map(v -> v.getKey() + "=" + v.getValue()).collect(Collectors.joining(" "));
    }

    private static String requireIp(String address) {
        if (address == null || !IPV4.matcher(address).matches()) {
            throw new IllegalArgumentException("bad IPv4 address: '" + address + "'");
        }
        return address;
    }
}
