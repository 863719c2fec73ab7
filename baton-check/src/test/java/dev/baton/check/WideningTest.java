package dev.baton.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.contract.JsonType;
import dev.baton.contract.Shape;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WideningTest {

    static Shape shape(String text) {
        return switch (text) {
            case "int" -> Shape.scalar(JsonType.INTEGER, "int32").withNullable(false);
            case "long" -> Shape.scalar(JsonType.INTEGER, "int64").withNullable(false);
            case "Integer" -> Shape.scalar(JsonType.INTEGER, "int32");
            case "Long" -> Shape.scalar(JsonType.INTEGER, "int64");
            case "BigInteger" -> Shape.scalar(JsonType.INTEGER, "big");
            case "float" -> Shape.scalar(JsonType.NUMBER, "float").withNullable(false);
            case "double" -> Shape.scalar(JsonType.NUMBER, "double").withNullable(false);
            case "BigDecimal" -> Shape.scalar(JsonType.NUMBER, "decimal");
            case "String" -> Shape.scalar(JsonType.STRING, "string");
            case "FREE|PRO" -> Shape.enumOf(List.of("FREE", "PRO"));
            case "FREE|PRO|TEAM" -> Shape.enumOf(List.of("FREE", "PRO", "TEAM"));
            case "List<Integer>" -> Shape.arrayOf(shape("Integer"));
            case "List<Long>" -> Shape.arrayOf(shape("Long"));
            default -> throw new IllegalArgumentException(text);
        };
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "int, long, true",
            "long, int, false",
            "int, Integer, true",
            "Integer, int, false",
            "int, Long, true",
            "Long, BigInteger, true",
            "long, double, true",
            "float, double, true",
            "double, BigDecimal, true",
            "double, float, false",
            "double, long, false",
            "FREE|PRO, FREE|PRO|TEAM, true",
            "FREE|PRO|TEAM, FREE|PRO, false",
            "List<Integer>, List<Long>, true",
            "List<Long>, List<Integer>, false",
            "String, FREE|PRO, false",
            "long, long, false",
    })
    void widening(String from, String to, boolean widening) {
        assertThat(Widening.isWidening(shape(from), shape(to))).isEqualTo(widening);
    }
}
