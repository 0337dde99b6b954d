package com.architectbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypedCommandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            help                                      | HELP           |
            /HELP                                     | HELP           |
            forget                                    | FORGET         |
            forget-me                                 | FORGET_ME      |
            usage                                     | USAGE          |
            export                                    | EXPORT         |
            settings licence-policy saas              | SETTINGS       | licence-policy saas
            erase-all-data confirm                    | ERASE_ALL_DATA | confirm
            license-check react@18.2.0 --policy saas  | LICENCE_CHECK  | react@18.2.0 --policy saas
            Licence-check   left-pad@1.3.0            | LICENCE_CHECK  | left-pad@1.3.0
            """)
    void command_words_are_the_same_on_every_surface(String text, InquiryKind kind, String arguments) {
        assertThat(TypedCommand.parse(text)).contains(new TypedCommand(kind, arguments == null ? "" : arguments));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"forget the old plan, what about Kafka?", "help me size our Redis", "How do we export data?", ""
            })
    void a_sentence_that_starts_like_a_command_is_a_question(String text) {
        assertThat(TypedCommand.parse(text)).isEmpty();
    }
}
