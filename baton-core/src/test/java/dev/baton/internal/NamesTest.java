package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "email", "user-confirmation", "send-email-v2", "v2", "a-1-b", "report-2026"})
    void acceptsKebabCaseTypeNames(String name) {
        assertThat(Names.checkType(name)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\" suggests \"{1}\"")
    @CsvSource({
        "UserConfirmation,     user-confirmation",
        "userConfirmation,     user-confirmation",
        "user_confirmation,    user-confirmation",
        "user.confirmation,    user-confirmation",
        "'user confirmation',  user-confirmation",
        "user--confirmation,   user-confirmation",
        "-user-confirmation,   user-confirmation",
        "user-confirmation-,   user-confirmation",
        "Send-SMS,             send-sms",
        "42-answers,           answers",
        "'%%%',                my-job",
    })
    void rejectsTypeNamesThatAreNotKebabCaseAndSuggestOne(String name, String suggestion) {
        assertThat(Names.checkType(name))
                .contains("\"" + name + "\"")
                .contains("not kebab-case")
                .contains("such as \"" + suggestion + "\"");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAMissingTypeName(String name) {
        assertThat(Names.checkType(name)).contains("empty").contains("\"user-confirmation\"");
    }

    @Test
    void typeNamesHaveAtMostOneHundredCharacters() {
        String longest = "a".repeat(Names.MAX_TYPE_LENGTH);

        assertThat(Names.checkType(longest)).isNull();
        assertThat(Names.checkType(longest + "b")).contains("\"" + longest + "b\"").contains("longer than 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "mailers", "q", "mail-high", "mail_high", "mail.high", "eu.mail_high-2"})
    void acceptsQueueNamesWithHyphensUnderscoresAndDots(String name) {
        assertThat(Names.checkQueue(name)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\" suggests \"{1}\"")
    @CsvSource({
        "Mailers,       mailers",
        "MailHigh,      mail-high",
        "mail__high,    mail-high",
        "mail._high,    mail-high",
        "_mailers,      mailers",
        "mailers.,      mailers",
        "'mail high',   mail-high",
        "mail/high,     mail-high",
        "1mailers,      mailers",
    })
    void rejectsOtherQueueNamesAndSuggestOne(String name, String suggestion) {
        assertThat(Names.checkQueue(name))
                .contains("\"" + name + "\"")
                .contains("is not valid")
                .contains("such as \"" + suggestion + "\"");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAMissingQueueName(String name) {
        assertThat(Names.checkQueue(name)).contains("empty").contains("\"mailers\"");
    }

    @Test
    void queueNamesHaveAtMostSixtyFourCharacters() {
        String longest = "q".repeat(Names.MAX_QUEUE_LENGTH);

        assertThat(Names.checkQueue(longest)).isNull();
        assertThat(Names.checkQueue(longest + "q")).contains("\"" + longest + "q\"").contains("longer than 64");
    }

    @Test
    void suggestsKebabCaseOfAClassName() {
        assertThat(Names.suggest("UserConfirmation")).isEqualTo("user-confirmation");
        assertThat(Names.suggest("ResizeImageV2")).isEqualTo("resize-image-v2");
        assertThat(Names.suggest("")).isEqualTo("my-job");
    }
}
