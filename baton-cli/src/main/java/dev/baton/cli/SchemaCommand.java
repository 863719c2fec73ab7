package dev.baton.cli;

import dev.baton.jdbc.Dialect;
import dev.baton.jdbc.Schema;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Prints the SQL of Baton's schema migrations, for DBAs who apply migrations themselves.",
                "Baton applies the same migrations itself on start unless they are already recorded."})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sql", required = true, description = "Print the migration SQL.")
    boolean sql;

    @Option(names = "--dialect", defaultValue = "POSTGRESQL", paramLabel = "DIALECT",
            description = "POSTGRESQL or H2 (default: ${DEFAULT-VALUE}).")
    Dialect dialect;

    @Option(names = "--json", description = "Print {\"dialect\": ..., \"sql\": ...} instead.")
    boolean json;

    @Override
    public Integer call() {
        String text = Schema.sql(dialect);
        spec.commandLine().getOut().println(json ? Json.write(Map.of("dialect", dialect, "sql", text)) : text);
        return 0;
    }
}
