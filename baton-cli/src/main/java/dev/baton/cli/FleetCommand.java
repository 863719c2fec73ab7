package dev.baton.cli;

import dev.baton.FleetNode;
import dev.baton.jdbc.JdbcStore;
import dev.baton.spi.NodeRecord;
import dev.baton.spi.NodeType;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Lists the nodes: release, role, queues, live or gone, what each reads.",
                "Per job type a node runs: the versions it reads (its readable range) and the queues it claims",
                "the type from; retired types are marked.",
                "Example: baton fleet --node-ttl 1m"})
final class FleetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    NodeTtlOption ttl;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() {
        List<FleetNode> fleet;
        try (JdbcStore store = storeOptions.open()) {
            fleet = ttl.inspector(store).fleet();
        }
        long live = fleet.stream().filter(FleetNode::live).count();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("store", storeOptions.describe());
            result.put("nodeTtl", ttl.nodeTtl.toString());
            result.put("live", live);
            result.put("gone", fleet.size() - live);
            result.put("nodes", fleet.stream().map(FleetCommand::toJson).toList());
            out.println(Json.write(result));
            return 0;
        }
        out.println("Store: " + storeOptions.describe());
        out.println("Fleet: " + live + " live, " + (fleet.size() - live) + " gone (live: heartbeat within "
                + NodeTtlOption.format(ttl.nodeTtl) + ")");
        if (fleet.isEmpty()) {
            out.println("No nodes registered.");
            return 0;
        }
        Instant now = Instant.now();
        Table table = new Table("NODE", "RELEASE", "ROLE", "HOST", "STATE", "LAST HEARTBEAT", "QUEUES", "READS");
        for (FleetNode fleetNode : fleet) {
            NodeRecord node = fleetNode.node();
            List<NodeType> types = node.types();
            table.add(node.id(), node.release(), node.role(), node.host(), fleetNode.live() ? "live" : "gone",
                    heartbeat(node.heartbeatAt(), now), String.join(",", node.queues()),
                    types.isEmpty() ? "-" : reads(types.get(0)));
            // One line per type keeps each range readable instead of one endless cell.
            for (NodeType type : types.subList(Math.min(1, types.size()), types.size())) {
                table.add("", "", "", "", "", "", "", reads(type));
            }
        }
        table.print(out);
        return 0;
    }

    /** "user-confirmation v1-v2 [mailers]", the way an operator says it. */
    static String reads(NodeType type) {
        String versions = type.retired() ? "any version (retired)"
                : type.minVersion() == type.maxVersion() ? "v" + type.maxVersion()
                : "v" + type.minVersion() + "-v" + type.maxVersion();
        String aliases = type.aliases().isEmpty() ? "" : " (also " + String.join(", ", type.aliases()) + ")";
        return type.type() + aliases + " " + versions + " " + type.queues();
    }

    private static String heartbeat(Instant at, Instant now) {
        Duration ago = Duration.between(at, now);
        String when = at.truncatedTo(ChronoUnit.SECONDS).toString();
        return ago.isNegative() ? when : when + " (" + NodeTtlOption.format(ago.truncatedTo(ChronoUnit.SECONDS)) + " ago)";
    }

    private static Map<String, Object> toJson(FleetNode fleetNode) {
        NodeRecord node = fleetNode.node();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", node.id());
        json.put("release", node.release());
        json.put("role", node.role());
        json.put("host", node.host());
        json.put("live", fleetNode.live());
        json.put("startedAt", node.startedAt());
        json.put("heartbeatAt", node.heartbeatAt());
        json.put("queues", node.queues());
        json.put("types", node.types().stream().map(type -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("type", type.type());
            t.put("aliases", type.aliases());
            t.put("minVersion", type.minVersion());
            // A retired type reads every version; null says so better than Integer.MAX_VALUE.
            t.put("maxVersion", type.retired() ? null : type.maxVersion());
            t.put("queues", type.queues());
            t.put("retired", type.retired());
            return t;
        }).toList());
        return json;
    }
}
