package eu.herald.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContentLinesTests {

    @Test
    void foldsLinesAtSeventyFiveOctetsWithoutSplittingACharacter() {
        String line = "SUMMARY;LANGUAGE=pl:" + "Spójność terytorialna 🇵🇱 ".repeat(10);

        String folded = ContentLines.fold(line);

        assertThat(folded).endsWith("\r\n");
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
        assertThat(Arrays.stream(folded.split("\r\n")))
                .hasSizeGreaterThan(3)
                .allSatisfy(part ->
                        assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @Test
    void escapesTextValuesAndTurnsEveryLineBreakIntoAnEscapedOne() {
        assertThat(ContentLines.escape("Networking; cities, regions\\towns\nday two\r\nthree\rfour"))
                .isEqualTo("Networking\\; cities\\, regions\\\\towns\\nday two\\nthree\\nfour");
    }

    @Test
    void keepsControlCharactersAndLineSeparatorsOutOfEveryLine() {
        String lines = new ContentLines()
                .text("SUMMARY", "one\ttwo\u0000three\u2028four\u2029five\nsix")
                .property("URL", "https://herald.example/a\r\nBEGIN:VALARM")
                .toString();

        assertThat(lines)
                .isEqualTo("SUMMARY:onetwothreefourfive\\nsix\r\nURL:https://herald.example/aBEGIN:VALARM\r\n");
    }

    @Test
    void quotesParameterValuesWithoutTheCharactersAQuotedValueCannotHold() {
        assertThat(ContentLines.quoted("Gmina \"Nowa\"; Wieś, Płock\r\n")).isEqualTo("\"Gmina Nowa; Wieś, Płock\"");
    }

    @Test
    void writesOffsetsAsHoursAndMinutesAndSecondsOnlyWhenThereAreAny() {
        assertThat(ContentLines.offset(ZoneOffset.ofHours(2))).isEqualTo("+0200");
        assertThat(ContentLines.offset(ZoneOffset.ofHoursMinutes(-3, -30))).isEqualTo("-0330");
        assertThat(ContentLines.offset(ZoneOffset.ofHoursMinutesSeconds(0, -25, -21)))
                .isEqualTo("-002521");
    }
}
