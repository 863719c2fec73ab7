package dev.baton.check;

import dev.baton.Retired;
import dev.baton.contract.Contract;
import dev.baton.internal.DeclaredCasters;
import dev.baton.internal.JobTypeInfo;
import dev.baton.internal.TypeEvolution;
import java.util.Objects;

/**
 * What one build declares for one job type.
 *
 * @param contract the contract of its current version
 * @param readsFrom the lowest version its upcaster chain reaches ({@code contract.version()} when none)
 * @param writesDownTo the lowest version its downcaster chain reaches ({@code contract.version()} when none)
 * @param retired whether the record is annotated {@link Retired}
 */
public record TypeDeclaration(Contract contract, int readsFrom, int writesDownTo, boolean retired) {

    public TypeDeclaration {
        Objects.requireNonNull(contract, "contract");
        if (readsFrom < 1 || readsFrom > contract.version()) {
            throw new IllegalArgumentException(contract.type() + ": readsFrom " + readsFrom + " is outside 1.."
                    + contract.version());
        }
        if (writesDownTo < 1 || writesDownTo > contract.version()) {
            throw new IllegalArgumentException(contract.type() + ": writesDownTo " + writesDownTo + " is outside 1.."
                    + contract.version());
        }
    }

    /**
     * Derives the declaration of a job record from its {@code @Job}, its components and its {@code @Upcast} /
     * {@code @Downcast} methods. The chains go through the runtime's own {@link TypeEvolution}, so a chain the
     * runtime would refuse (a gap, a version out of range) is refused here with the same message.
     *
     * @throws dev.baton.BatonException when the record is not a valid job or its caster chains are broken
     */
    public static TypeDeclaration of(Class<?> jobRecord) {
        Contract contract = Contract.of(jobRecord);
        DeclaredCasters casters = DeclaredCasters.of(jobRecord);
        TypeEvolution evolution = TypeEvolution.of(JobTypeInfo.of(jobRecord), casters.upcasters(),
                casters.downcasters(), jobRecord.getSimpleName() + ".class");
        return new TypeDeclaration(contract, evolution.minReadable(), evolution.minWritable(),
                jobRecord.isAnnotationPresent(Retired.class));
    }

    public String type() {
        return contract.type();
    }

    public int version() {
        return contract.version();
    }

    /** The type name and its aliases: every stored name its workers claim. */
    public boolean answersTo(String storedName) {
        return contract.type().equals(storedName) || contract.aliases().contains(storedName);
    }
}
