package dev.baton;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.contract.Contract;
import dev.baton.contract.ContractReader;
import dev.baton.internal.DeclaredCasters;
import dev.baton.internal.JobTypeInfo;
import dev.baton.internal.PayloadCodec;
import dev.baton.internal.TypeEvolution;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes payloads exactly as a node does, outside a running node: the same codec, the
 * record's contract and the casters it declares ({@link Upcast}, {@link Downcast}). For tests that
 * replay recorded payloads against the current code, and for tools. Casters given only to a builder
 * are not seen here.
 */
public final class Payloads {

    private static final PayloadCodec CODEC = new PayloadCodec();
    private static final Map<Class<?>, Type> TYPES = new ConcurrentHashMap<>();

    private record Type(JobTypeInfo info, Contract contract, TypeEvolution evolution) {}

    private Payloads() {}

    /**
     * Reads a stored payload of {@code version} as the current record: upcast, contract applied, bound.
     *
     * @throws PayloadException naming the type, the version and the field when it does not read
     * @throws JobDefinitionException when the record itself is not a valid job
     */
    public static <T> T read(Class<T> record, int version, String payload) {
        Type type = type(record);
        if (version < type.evolution.minReadable() || version > type.info.version()) {
            throw new PayloadException(type.info.name(), version, null, "the current code reads v"
                    + type.evolution.minReadable() + " to v" + type.info.version() + "; declare an @Upcast from v"
                    + version + " (or keep the release that reads it running until it is drained)", null);
        }
        ObjectNode tree = CODEC.parse(type.info, version, payload);
        type.evolution.upcast(tree, version);
        ContractReader.apply(type.contract, version, tree);
        return CODEC.fromTree(type.info, version, tree, record);
    }

    /** Writes a job as its current version, as {@code enqueue} stores it when the whole fleet is current. */
    public static String write(Object job) {
        Type type = type(job.getClass());
        return CODEC.toJson(type.info, CODEC.toTree(type.info, job));
    }

    /** Writes a job as an older {@code version}, through the record's downcasters. */
    public static String write(Object job, int version) {
        Type type = type(job.getClass());
        if (version < type.evolution.minWritable() || version > type.info.version()) {
            throw new PayloadException(type.info.name(), version, null, "this code writes v" + type.evolution.minWritable()
                    + " to v" + type.info.version() + "; declare a @Downcast to reach v" + version, null);
        }
        return CODEC.toJson(type.info, type.evolution.downcast(CODEC.toTree(type.info, job), version));
    }

    private static Type type(Class<?> record) {
        return TYPES.computeIfAbsent(record, cls -> {
            JobTypeInfo info = JobTypeInfo.of(cls);
            DeclaredCasters casters = DeclaredCasters.of(cls);
            return new Type(info, Contract.of(cls),
                    TypeEvolution.of(info, casters.upcasters(), casters.downcasters(), cls.getSimpleName() + ".class"));
        });
    }
}
