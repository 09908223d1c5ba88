package org.gfspnfs.control.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.gfspnfs.control.api.ControlStatus;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeEndpoint;

/**
 * The {@code --json} envelope shared by every subcommand (README "JSON output"):
 * {@code {"command": NAME, "nodes": [{"node", "address", "outcome", "result" | "error"}]}}. Instants are ISO-8601
 * strings, durations integer milliseconds, byte strings lower-case hex.
 */
final class JsonOutput {
    private final ObjectMapper mapper;

    JsonOutput() {
        SimpleModule module = new SimpleModule("gfsctl");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant t, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(t.toString());
            }
        });
        module.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration d, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeNumber(d.toMillis());
            }
        });
        module.addSerializer(byte[].class, new JsonSerializer<>() {
            @Override
            public void serialize(byte[] b, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(HexFormat.of().formatHex(b));
            }
        });
        mapper = new ObjectMapper().registerModule(module).enable(SerializationFeature.INDENT_OUTPUT);
    }

    <T> void print(PrintWriter out, String command, List<NodeAnswer<T>> answers) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", command);
        doc.put("nodes", answers.stream().map(JsonOutput::entry).toList());
        try {
            out.println(mapper.writeValueAsString(doc));
        } catch (IOException e) {
            throw new IllegalStateException("API records always serialize", e);
        }
    }

    private static Map<String, Object> entry(NodeAnswer<?> answer) {
        Map<String, Object> e = new LinkedHashMap<>();
        NodeEndpoint node = answer.node();
        e.put("node", node.name());
        e.put("address", node.address().getHostString() + ":" + node.address().getPort());
        if (answer instanceof NodeAnswer.Answered<?> a) {
            e.put("outcome", "ok");
            e.put("result", a.value());
        } else if (answer instanceof NodeAnswer.Declined<?> d) {
            e.put("outcome", d.error().status() == ControlStatus.NOT_SERVED ? "not-served" : "error");
            e.put("error", Map.of("kind", d.error().status().name(), "message", d.error().getMessage()));
        } else if (answer instanceof NodeAnswer.Failed<?> f) {
            e.put("outcome", switch (f.failure().kind()) {
                case AUTH_REFUSED -> "auth-refused";
                case TIMEOUT, UNREACHABLE, RPC_ERROR -> "no-answer";
            });
            e.put("error", Map.of("kind", f.failure().kind().name(), "message", f.failure().getMessage()));
        }
        return e;
    }
}
