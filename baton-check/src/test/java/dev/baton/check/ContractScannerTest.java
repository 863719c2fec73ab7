package dev.baton.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans real compiled classes: this module's test classes, as a directory and as a jar. */
class ContractScannerTest {

    @TempDir
    Path dir;

    static Path testClasses() throws Exception {
        return Path.of(Pool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void findsTheJobRecordsOfADirectory() throws Exception {
        List<Class<?>> found = ContractScanner.jobRecords(List.of(testClasses()), getClass().getClassLoader());

        assertThat(found).containsAll(Pool.ALL)
                .contains(Fixtures.RequiredFieldAdded.Old.class, Fixtures.RequiredFieldAdded.New.class)
                .doesNotContain(Pool.Address.class, Pool.class, Fixtures.class);
    }

    @Test
    void aDirectoryWithTwoRecordsOfOneTypeIsRefused() throws Exception {
        // The fixtures hold old and new versions side by side, as no single build would.
        assertThatThrownBy(() -> ContractScanner.scan("r1", List.of(testClasses())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both claim the stored name");
    }

    @Test
    void scansAJar() throws Exception {
        Path jar = dir.resolve("app.jar");
        Path classes = testClasses();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> record : Pool.ALL) {
                add(out, classes, record.getName().replace('.', '/') + ".class");
            }
            // Nested types the records use, and a class that is not a job.
            add(out, classes, Pool.Address.class.getName().replace('.', '/') + ".class");
            add(out, classes, Pool.Plan.class.getName().replace('.', '/') + ".class");
            add(out, classes, Pool.class.getName().replace('.', '/') + ".class");
        }

        ContractSet set = ContractScanner.scan("2026.11.3", List.of(jar), List.of(jar));

        assertThat(set).isEqualTo(ContractSet.of("2026.11.3", Pool.ALL));
    }

    @Test
    void aClassThatDoesNotLoadIsSkipped() throws Exception {
        Path root = dir.resolve("classes");
        Files.createDirectories(root.resolve("com/example"));
        Files.write(root.resolve("com/example/Broken.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1});

        ContractSet set = ContractScanner.scan("r1", List.of(root), List.of(root));

        assertThat(set.types()).isEmpty();
    }

    private static void add(JarOutputStream out, Path classes, String entry) throws Exception {
        out.putNextEntry(new JarEntry(entry));
        try (var in = Files.newInputStream(classes.resolve(entry))) {
            in.transferTo((OutputStream) out);
        }
        out.closeEntry();
    }
}
