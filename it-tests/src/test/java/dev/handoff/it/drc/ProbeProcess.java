package dev.handoff.it.drc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.it.netns.NetworkNamespace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link DrcProbe} running in the client's namespace on this JVM's JDK and class path, driven one command at a
 * time. Its stdout is drained by a thread into a queue, so a slow test never blocks it; stderr goes to a file.
 */
final class ProbeProcess implements AutoCloseable {
    private static final Duration ANSWER = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path errors;
    private final List<String> transcript = new ArrayList<>();

    private ProbeProcess(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("drc-probe-stdout").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("{\"event\":\"error\",\"detail\":\"stdout: " + e + "\"}");
            }
        });
    }

    static ProbeProcess start(NetworkNamespace ns, String source, int port, String server, Path errors)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Failsafe runs tests from a manifest-only jar; this property holds the real class path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = ns.command(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                DrcProbe.class.getName(), source, Integer.toString(port), server);
        Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        ProbeProcess probe = new ProbeProcess(p, errors);
        probe.next("ready");
        return probe;
    }

    ProbeReply mount(String path) throws Exception {
        return reply(ask("mount " + path, "reply"));
    }

    ProbeReply call(String... opAndArgs) throws Exception {
        return reply(ask("call " + String.join(" ", opAndArgs), "reply"));
    }

    /** Sends the call and leaves its reply unread; returns its xid. */
    long send(String... opAndArgs) throws Exception {
        return ask("send " + String.join(" ", opAndArgs), "sent").get("xid").asLong();
    }

    /** Waits up to {@code limit} for bytes of a reply to sit unread on the connection; how many there are. */
    int unread(Duration limit) throws Exception {
        return ask("unread " + limit.toMillis(), "unread").get("bytes").asInt();
    }

    Retransmission retransmit(Duration limit) throws Exception {
        JsonNode n = ask("retransmit " + limit.toSeconds(), "retransmitted");
        return new Retransmission(reply(n), n.get("startedAt").asLong(), n.get("connectedAt").asLong(),
                n.get("repliedAt").asLong(), n.get("connects").asInt(), n.get("sends").asInt());
    }

    /** Every command and answer so far, for failure messages. */
    String transcript() {
        return String.join("\n", transcript);
    }

    private ProbeReply reply(JsonNode event) throws IOException {
        return json.treeToValue(event.get("reply"), ProbeReply.class);
    }

    private JsonNode ask(String command, String expected) throws Exception {
        transcript.add("> " + command);
        commands.write(command + "\n");
        commands.flush();
        return next(expected);
    }

    private JsonNode next(String expected) throws Exception {
        String line = lines.poll(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("the probe did not answer within " + ANSWER + "; alive " + process.isAlive()
                    + ", stderr:\n" + Files.readString(errors) + "\n" + transcript());
        }
        transcript.add("< " + line);
        JsonNode event = json.readTree(line);
        if (!expected.equals(event.path("event").asText())) {
            throw new AssertionError("the probe answered " + line + " where " + expected + " was expected\n"
                    + transcript());
        }
        return event;
    }

    @Override
    public void close() throws Exception {
        try {
            commands.write("quit\n");
            commands.flush();
        } catch (IOException e) {
            // It already exited.
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
