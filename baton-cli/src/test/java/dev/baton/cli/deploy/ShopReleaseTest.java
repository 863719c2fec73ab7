package dev.baton.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopReleaseTest {

    @TempDir
    Path dir;

    @Test
    void aJarWithoutTheFacadeIsNamedWithTheBuildCommand() throws Exception {
        Path jar = dir.resolve("shop-n.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, new Manifest())) {
            out.finish();
        }

        assertThatThrownBy(() -> ShopRelease.load(NodeSpec.N, jar))
                .isInstanceOf(FleetException.class)
                .hasMessageContaining(jar.toString())
                .hasMessageContaining(ShopRelease.FACADE)
                .hasMessageContaining(ExampleJars.BUILD_COMMAND);
    }

    @Test
    void missingJarsAreListed() {
        ExampleJars jars = ExampleJars.in(dir);

        assertThat(jars.missing()).containsExactly(dir.resolve("shop-n/target/shop-n.jar"),
                dir.resolve("shop-n1/target/shop-n1.jar"));
        assertThat(jars.byRelease()).containsOnlyKeys("n", "n+1");
    }
}
