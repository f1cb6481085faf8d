package dev.handoff.it.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One guest of a run: the guest tests it runs in order (it-tests/kernel-client/guest/tests/NAME.sh), the
 * address it mounts (null: the run's VIP, else node 1), and variables for its tests alone.
 */
public record GuestSpec(List<String> tests, String server, Map<String, String> env) {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Word characters of mount options, paths and numbers; no blanks, quotes or glob characters. */
    static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.,:/=+@%-]+");
    static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public GuestSpec {
        tests = List.copyOf(tests);
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("a guest needs at least one test");
        }
        tests.forEach(t -> require(NAME, t, "test name"));
        if (server != null) {
            require(IPV4, server, "server address");
        }
        env.forEach(GuestSpec::requireVariable);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    public static GuestSpec of(String... tests) {
        return new GuestSpec(List.of(tests), null, Map.of());
    }

    /** Mount this address instead of the run's default (e.g. one node directly rather than the VIP). */
    public GuestSpec withServer(String ip) {
        return new GuestSpec(tests, Objects.requireNonNull(ip), env);
    }

    public GuestSpec withEnv(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(key, value);
        return new GuestSpec(tests, server, more);
    }

    /** The runner's word for this guest: {@code TEST[,TEST...][@SERVER_IP]}. */
    String word() {
        return String.join(",", tests) + (server == null ? "" : "@" + server);
    }

    /** The runner splits guest variables at blanks (unquoted, so globs would expand): values are plain words. */
    static void requireVariable(String key, String value) {
        require(KEY, key, "variable name");
        require(VALUE, value, "value of guest variable " + key);
    }

    private static void require(Pattern pattern, String value, String what) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("bad " + what + ": '" + value + "'");
        }
    }
}
