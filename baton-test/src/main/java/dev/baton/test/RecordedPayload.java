package dev.baton.test;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One payload of a {@link PayloadCorpus}, as production stored it.
 *
 * @param type the stored type name: the directory it was found in
 * @param version the stored payload version: the {@code v<version>} directory it was found in
 * @param file the file it was read from
 * @param json the file's content, unchanged
 */
public record RecordedPayload(String type, int version, Path file, String json) {

    public RecordedPayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(json, "json");
    }
}
