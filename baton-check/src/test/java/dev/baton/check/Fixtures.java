package dev.baton.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Default;
import dev.baton.Downcast;
import dev.baton.Job;
import dev.baton.Retired;
import dev.baton.Upcast;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One pair of records per rule: {@code Old} as release N declares the type, {@code New} as the build
 * (N+1) does. Same {@code @Job} name, different Java names, as a real project has across two commits.
 */
final class Fixtures {

    private Fixtures() {}

    /** Seed 002: a required field added with no default. */
    static final class RequiredFieldAdded {
        @Job(name = "compute-foobar")
        record Old(long groupId, LocalDate start) {}

        @Job(name = "compute-foobar")
        record New(long groupId, LocalDate start, boolean computePast) {}
    }

    static final class OptionalFieldAdded {
        @Job(name = "compute-foobar")
        record Old(long groupId, LocalDate start) {}

        @Job(name = "compute-foobar")
        record New(long groupId, LocalDate start, @Default("false") boolean computePast) {}
    }

    static final class RequiredFieldRemoved {
        @Job(name = "sync-profile")
        record Old(long userId, String source) {}

        @Job(name = "sync-profile")
        record New(long userId) {}
    }

    static final class OptionalFieldRemoved {
        @Job(name = "sync-profile")
        record Old(long userId, @Default("crm") String source) {}

        @Job(name = "sync-profile")
        record New(long userId) {}
    }

    static final class FieldRenamed {
        @Job(name = "user-confirmation", queue = "mailers")
        record Old(long userId, String msg) {}

        @Job(name = "user-confirmation", queue = "mailers")
        record New(long userId, String message) {}
    }

    static final class FieldWidened {
        @Job(name = "recount")
        record Old(long accountId, int count) {}

        @Job(name = "recount")
        record New(long accountId, long count) {}
    }

    static final class FieldTypeChanged {
        @Job(name = "user-confirmation", queue = "mailers")
        record Old(long userId, LocalDate date) {}

        @Job(name = "user-confirmation", queue = "mailers")
        record New(long userId, long date) {}
    }

    static final class BecameOptional {
        @Job(name = "user-profile")
        record Old(long userId, String nickname) {}

        @Job(name = "user-profile")
        record New(long userId, Optional<String> nickname) {}
    }

    static final class BecameRequired {
        @Job(name = "user-profile")
        record Old(long userId, Optional<String> nickname) {}

        @Job(name = "user-profile")
        record New(long userId, String nickname) {}
    }

    /** v2 with a downcaster (so only the missing upcaster is wrong). */
    static final class RaisedWithoutUpcaster {
        @Job(name = "user-confirmation", queue = "mailers")
        record Old(long userId, String message) {}

        @Job(name = "user-confirmation", version = 2, queue = "mailers")
        record New(long userId, String message, LocalDate date) {
            @Downcast(from = 2)
            static void dropDate(ObjectNode v2) {
                v2.remove("date");
            }
        }
    }

    /** N read v1 through an upcaster; the build dropped it. */
    static final class UpcasterRemoved {
        @Job(name = "user-confirmation", version = 2, queue = "mailers")
        record Old(long userId, String message, LocalDate date) {
            @Upcast(from = 1)
            static void addDate(ObjectNode v1) {
                v1.putNull("date");
            }

            @Downcast(from = 2)
            static void dropDate(ObjectNode v2) {
                v2.remove("date");
            }
        }

        @Job(name = "user-confirmation", version = 2, queue = "mailers")
        record New(long userId, String message, LocalDate date) {
            @Downcast(from = 2)
            static void dropDate(ObjectNode v2) {
                v2.remove("date");
            }
        }
    }

    static final class TypeRemoved {
        @Job(name = "cleanup-cache")
        record Old(String region) {}
    }

    static final class RetiredTypeRemoved {
        @Retired(reason = "the cache is gone")
        @Job(name = "cleanup-cache")
        record Old(String region) {}
    }

    static final class TypeRenamed {
        @Job(name = "confirm-email")
        record Old(long userId, String address) {}

        @Job(name = "email-confirmation")
        record New(long userId, String address) {}
    }

    /** The rename done right, one release later: the alias is dropped. */
    static final class AliasRemoved {
        @Job(name = "email-confirmation", aliases = "confirm-email")
        record Old(long userId, String address) {}

        @Job(name = "email-confirmation")
        record New(long userId, String address) {}
    }

    static final class QueueChanged {
        @Job(name = "send-newsletter", queue = "mail")
        record Old(long issueId) {}

        @Job(name = "send-newsletter", queue = "newsletters")
        record New(long issueId) {}
    }

    /** Seed 003's canary: a type release N does not have. */
    static final class NewType {
        @Job(name = "send-newsletter", queue = "newsletters")
        record New(long issueId) {}
    }

    /** v2 with an upcaster but no downcaster: new producers cannot write v1. */
    static final class DowncasterMissing {
        @Job(name = "user-confirmation", queue = "mailers")
        record Old(long userId, String message) {}

        @Job(name = "user-confirmation", version = 2, queue = "mailers")
        record New(long userId, String message, LocalDate date) {
            @Upcast(from = 1)
            static void addDate(ObjectNode v1) {
                v1.putNull("date");
            }
        }
    }

    static final class VersionLowered {
        @Job(name = "sync-profile", version = 2)
        record Old(long userId) {
            @Upcast(from = 1)
            static void dropSource(ObjectNode v1) {
                v1.remove("source");
            }
        }

        @Job(name = "sync-profile")
        record New(long userId) {}
    }

    /** The evolution guide's one-release "add an argument": version raised with both casters. */
    static final class AddedWithBothCasters {
        @Job(name = "user-confirmation", queue = "mailers")
        record Old(long userId, String message) {}

        @Job(name = "user-confirmation", version = 2, queue = "mailers")
        record New(long userId, String message, LocalDate date) {
            @Upcast(from = 1)
            static void addDate(ObjectNode v1) {
                v1.putNull("date");
            }

            @Downcast(from = 2)
            static void dropDate(ObjectNode v2) {
                v2.remove("date");
            }
        }
    }

    /** Seed 001's "delete a job", first release: the record stays, marked @Retired. */
    static final class TypeRetired {
        @Job(name = "cleanup-cache")
        record Old(String region) {}

        @Retired(reason = "the cache is gone")
        @Job(name = "cleanup-cache")
        record New(String region) {}
    }

    /** The rename done right: the new name keeps the old one as an alias. */
    static final class RenamedWithAlias {
        @Job(name = "confirm-email")
        record Old(long userId, String address) {}

        @Job(name = "email-confirmation", aliases = "confirm-email")
        record New(long userId, String address) {}
    }

    /** A change no other rule reports: an optional field's default. */
    static final class DefaultChanged {
        @Job(name = "compute-foobar")
        record Old(long groupId, @Default("false") boolean computePast) {}

        @Job(name = "compute-foobar")
        record New(long groupId, @Default("true") boolean computePast) {}
    }

    /** Another: an alias added to a type that keeps its name. */
    static final class AliasAdded {
        @Job(name = "email-confirmation")
        record Old(long userId, String address) {}

        @Job(name = "email-confirmation", aliases = "confirm-address")
        record New(long userId, String address) {}
    }

    /** And another: a retirement undone. */
    static final class Unretired {
        @Retired
        @Job(name = "cleanup-cache")
        record Old(String region) {}

        @Job(name = "cleanup-cache")
        record New(String region) {}
    }
}
