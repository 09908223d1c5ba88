package org.gfspnfs.membership.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link MemberNodeMain} JVM started by a test, with its report lines collected. */
final class NodeProcess implements AutoCloseable {
    private static final Pattern LINE = Pattern.compile("^(\\d+) (READY|VIEW|STEP|WROTE|HALT|FROZEN|LEFT) ?(.*)$");

    /** One report line: when the node wrote it (epoch ms), its kind and the rest. */
    record Report(long at, String kind, String text) {
    }

    final String name;
    private final Process process;
    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private NodeProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(this::read, "read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static NodeProcess start(Path conf, String name, Path image) throws IOException {
        return start(List.of(), conf, name, image);
    }

    /** Starts the node behind a command prefix (e.g. {@code ip netns exec NS}). */
    static NodeProcess start(List<String> prefix, Path conf, String name, Path image) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = ManagementFactory.getRuntimeMXBean().getClassPath();
        List<String> command = new java.util.ArrayList<>(prefix);
        command.addAll(List.of(java, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", classpath, MemberNodeMain.class.getName(), conf.toString(), name, image.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new NodeProcess(name, p);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.add(line);
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    reports.add(new Report(Long.parseLong(m.group(1)), m.group(2), m.group(3)));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    long pid() {
        return process.pid();
    }

    Optional<Report> find(String kind, Predicate<String> text) {
        return reports.stream().filter(r -> r.kind().equals(kind) && text.test(r.text())).findFirst();
    }

    List<Report> all(String kind) {
        return reports.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    boolean alive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start().waitFor();
    }

    /** Sends one line to the node's stdin (its command channel). */
    void send(String line) throws IOException {
        var in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    String tail() {
        int from = Math.max(0, log.size() - 40);
        return name + ":\n  " + String.join("\n  ", log.subList(from, log.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                signal("CONT");
            } catch (IOException e) {
                // destroyForcibly below still ends it
            }
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
