package dev.baton.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Default;
import dev.baton.Job;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Promise 2: renaming a class, moving a package or reordering components changes nothing stored. */
class FingerprintTest {

    /** Release N: the record as first written. */
    static final class ReleaseN {
        enum Plan { FREE, PRO }

        record Address(String city, int zip) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record UserSignup(long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                List<Address> addresses, LocalDate birthday) {}
    }

    /** Release N+1: class, nested records and enum renamed, components of both records reordered. */
    static final class ReleaseN1 {
        enum Tier { FREE, PRO }

        record PostalAddress(int zip, String city) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record RegisterUser(LocalDate birthday, List<PostalAddress> addresses, @Default("FREE") Tier plan,
                Optional<String> referrer, String email, long userId) {}
    }

    @Test
    void renamingAndReorderingChangeNeitherTheCanonicalJsonNorTheFingerprint() {
        Contract before = Contract.of(ReleaseN.UserSignup.class);
        Contract after = Contract.of(ReleaseN1.RegisterUser.class);

        assertThat(after.canonicalJson()).isEqualTo(before.canonicalJson());
        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theFingerprintIsTheFirst16HexDigitsOfTheSha256OfTheJsonWithoutIt() throws Exception {
        Contract contract = Contract.of(ReleaseN.UserSignup.class);
        String withoutFingerprint = contract.canonicalJson().replace("\"fingerprint\":\"" + contract.fingerprint() + "\",", "");

        byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                .digest(withoutFingerprint.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(contract.fingerprint()).isEqualTo(java.util.HexFormat.of().formatHex(hash).substring(0, 16));
    }

    static final class Changed {
        enum Plan { FREE, PRO }

        enum MorePlans { FREE, PRO, TEAM }

        record Address(String city, int zip) {}

        record AddressWithStringZip(String city, String zip) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record FieldType(long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                List<Address> addresses, String birthday) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record FieldName(long userId, String mail, Optional<String> referrer, @Default("FREE") Plan plan,
                List<Address> addresses, LocalDate birthday) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record MadeOptional(long userId, @Default("null") String email, Optional<String> referrer,
                @Default("FREE") Plan plan, List<Address> addresses, LocalDate birthday) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record MadeRequired(long userId, String email, Optional<String> referrer, Plan plan,
                List<Address> addresses, LocalDate birthday) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record OtherDefault(long userId, String email, Optional<String> referrer, @Default("PRO") Plan plan,
                List<Address> addresses, LocalDate birthday) {}

        @Job(name = "user-signup", version = 2, queue = "default", aliases = "signup")
        record OtherQueue(long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                List<Address> addresses, LocalDate birthday) {}

        @Job(name = "user-signup", version = 3, queue = "mailers", aliases = "signup")
        record OtherVersion(long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                List<Address> addresses, LocalDate birthday) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = {"signup", "register"})
        record OtherAliases(long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                List<Address> addresses, LocalDate birthday) {}

        @Job(name = "user-signup", version = 2, queue = "mailers")
        record NoAliases(long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                List<Address> addresses, LocalDate birthday) {}

        @Job(name = "user-registration", version = 2, queue = "mailers", aliases = "signup")
        record OtherType(long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                List<Address> addresses, LocalDate birthday) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record Boxed(Long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                List<Address> addresses, LocalDate birthday) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record NestedFieldType(long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                List<AddressWithStringZip> addresses, LocalDate birthday) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record EnumConstantAdded(long userId, String email, Optional<String> referrer, @Default("FREE") MorePlans plan,
                List<Address> addresses, LocalDate birthday) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record FieldAdded(long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                List<Address> addresses, LocalDate birthday, Optional<String> locale) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record FieldRemoved(long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                List<Address> addresses) {}

        @Job(name = "user-signup", version = 2, queue = "mailers", aliases = "signup")
        record ListBecameSingle(long userId, String email, Optional<String> referrer, @Default("FREE") Plan plan,
                Address addresses, LocalDate birthday) {}
    }

    static Stream<Arguments> changes() {
        return Stream.of(Changed.class.getDeclaredClasses())
                .filter(Class::isRecord)
                .filter(type -> type.isAnnotationPresent(Job.class))
                .map(type -> Arguments.of(type.getSimpleName(), type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void everyChangeToWhatIsStoredChangesTheFingerprint(String change, Class<?> changed) {
        Contract original = Contract.of(ReleaseN.UserSignup.class);

        assertThat(Contract.of(changed).fingerprint()).isNotEqualTo(original.fingerprint());
    }

    @Test
    void everyChangeGivesADistinctFingerprint() {
        List<String> fingerprints = changes().map(row -> Contract.of((Class<?>) row.get()[1]).fingerprint()).toList();

        assertThat(fingerprints).doesNotHaveDuplicates().hasSize(16);
    }
}
