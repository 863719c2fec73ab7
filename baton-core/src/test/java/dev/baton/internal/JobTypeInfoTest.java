package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Expect;
import dev.baton.Job;
import dev.baton.JobDefinitionException;
import org.junit.jupiter.api.Test;

class JobTypeInfoTest {

    @Job(name = "user-confirmation", version = 2, queue = "mailers")
    record UserConfirmation(long userId, String message) {}

    @Job(name = "cleanup")
    record Cleanup() {}

    record NotAnnotated(long id) {}

    @Job(name = "plain-class")
    static final class PlainClass {}

    @Job(name = "UserConfirmation")
    record CamelCaseName(long id) {}

    @Job(name = "")
    record EmptyName() {}

    @Job(name = "version-zero", version = 0)
    record VersionZero() {}

    @Job(name = "bad-queue", queue = "Mail Queue")
    record BadQueue() {}

    @Test
    void readsNameVersionAndQueueOfAJobRecord() {
        assertThat(JobTypeInfo.of(UserConfirmation.class))
                .isEqualTo(new JobTypeInfo("user-confirmation", 2, "mailers", UserConfirmation.class));
    }

    @Test
    void versionOneAndQueueDefaultUnlessSaid() {
        JobTypeInfo info = JobTypeInfo.of(Cleanup.class);

        assertThat(info.version()).isEqualTo(1);
        assertThat(info.queue()).isEqualTo("default");
    }

    @Test
    void withoutJobSuggestsTheAnnotationWithAKebabCaseName() {
        JobDefinitionException e = rejected(NotAnnotated.class);

        assertThat(e.getMessage())
                .startsWith(NotAnnotated.class.getName() + ": ")
                .contains("has no @Job annotation")
                .contains("@Job(name = \"not-annotated\")");
    }

    @Test
    void aJobMustBeARecord() {
        assertThat(rejected(PlainClass.class).getMessage()).contains("is not a record");
    }

    @Test
    void rejectsATypeNameThatIsNotKebabCase() {
        assertThat(rejected(CamelCaseName.class).getMessage())
                .contains("\"UserConfirmation\"")
                .contains("\"user-confirmation\"");
        assertThat(rejected(EmptyName.class).getMessage()).contains("empty");
    }

    @Test
    void versionsStartAtOne() {
        assertThat(rejected(VersionZero.class).getMessage()).contains("version is 0").contains("start at 1");
    }

    @Test
    void rejectsAnInvalidQueue() {
        assertThat(rejected(BadQueue.class).getMessage())
                .contains("@Job queue")
                .contains("\"Mail Queue\"")
                .contains("\"mail-queue\"");
    }

    private static JobDefinitionException rejected(Class<?> jobClass) {
        JobDefinitionException e = Expect.thrown(JobDefinitionException.class, () -> JobTypeInfo.of(jobClass));
        assertThat(e.jobClass()).isEqualTo(jobClass);
        return e;
    }
}
