package dev.baton.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.spi.NodeType;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows written by other Baton versions of a mixed fleet must still read. */
class NodeJsonTest {

    @Test
    void typesRoundTrip() throws SQLException {
        List<NodeType> types = List.of(new NodeType("email", List.of("mail"), 1, 3, List.of("mailers", "default"), false),
                new NodeType("old", List.of(), 2, 2, List.of(), true));
        assertThat(NodeJson.types("n", NodeJson.write(types))).isEqualTo(types);
        assertThat(NodeJson.queues("n", NodeJson.write(List.of("a", "b")))).containsExactly("a", "b");
    }

    @Test
    void fieldsFromANewerBatonAreIgnoredAndMissingListsReadEmpty() throws SQLException {
        String newer = "[{\"type\":\"email\",\"minVersion\":1,\"maxVersion\":2,\"retired\":false,\"weight\":5}]";
        assertThat(NodeJson.types("n", newer))
                .containsExactly(new NodeType("email", List.of(), 1, 2, List.of(), false));
        assertThat(NodeJson.queues("n", "null")).isEmpty();
    }

    @Test
    void unreadableJsonNamesTheNodeAndColumn() {
        assertThatThrownBy(() -> NodeJson.types("worker-7", "[{"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("baton_nodes.types of node worker-7");
    }
}
