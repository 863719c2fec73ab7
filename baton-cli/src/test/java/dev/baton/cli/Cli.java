package dev.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.JobInsertParams;
import dev.baton.spi.JobState;
import dev.baton.spi.NewJob;
import dev.baton.spi.NodeRecord;
import dev.baton.spi.NodeType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine;

/** Runs the CLI in-process, as a shell would, and sets up stores through the real SPI. */
final class Cli {

    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exitCode, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }
    }

    private Cli() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BatonCli()).setExecutionExceptionHandler(new ErrorHandler());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static long insert(JdbcStore store, String type, int version, String queue, String payload) {
        Instant now = Instant.now();
        return store.jobInsert(new JobInsertParams(List.of(new NewJob(type, version, queue, payload, JobState.WAITING,
                0, 20, now, now, null, "2026.11.2")), null)).get(0).id();
    }

    static NodeType reads(String type, int min, int max, String... queues) {
        return new NodeType(type, List.of(), min, max, List.of(queues), false);
    }

    static void registerNode(JdbcStore store, String id, String release, Instant heartbeatAt, NodeType... types) {
        List<String> queues = java.util.Arrays.stream(types).flatMap(t -> t.queues().stream()).distinct().toList();
        store.nodeRegister(new NodeRecord(id, 1L, release, "host-" + id, "worker", queues, List.of(types),
                heartbeatAt.minusSeconds(60), heartbeatAt, dev.baton.spi.ConnectionState.NOT_TRACKED));
    }
}
