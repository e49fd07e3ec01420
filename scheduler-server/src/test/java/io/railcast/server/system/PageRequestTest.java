package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private final List<FieldProblem> problems = new ArrayList<>();

    @Test
    void takesTheDefaultPageWithoutParameters() {
        PageRequest page = PageRequest.read(null, null, PageRequest.DEFAULT_LIMIT, PageRequest.CODE, problems);

        assertThat(page).isEqualTo(new PageRequest(100, null));
        assertThat(page.rows()).isEqualTo(101);
        assertThat(problems).isEmpty();
    }

    @Test
    void takesBlankParametersAsAbsentAsAnEmptyFormFieldSendsThem() {
        assertThat(PageRequest.read(" ", "", 50, PageRequest.NUMBER, problems)).isEqualTo(new PageRequest(50, null));
        assertThat(problems).isEmpty();
    }

    @Test
    void readsBackTheKeyItsCursorNames() {
        String cursor = PageRequest.cursor("BJN-LCD-0042");

        PageRequest page = PageRequest.read(" 500 ", cursor, 100, PageRequest.CODE, problems);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(page).isEqualTo(new PageRequest(500, "BJN-LCD-0042"));
        assertThat(problems).isEmpty();
    }

    @Test
    void refusesALimitOutOfRangeOrNotAWholeNumber() {
        for (String limit : List.of("0", "1001", "-1", "1.5", "ten", "99999999999", "10,20")) {
            problems.clear();
            PageRequest.read(limit, null, 100, PageRequest.CODE, problems);
            assertThat(problems).as(limit).extracting(FieldProblem::field).containsExactly("limit");
        }
    }

    @Test
    void refusesACursorThatNamesNoKeyOfTheList() {
        List<String> cursors = List.of(
                "***", // not base64url
                "A", // cut short
                PageRequest.cursor("two words"), // not a code
                PageRequest.cursor("BJN"), // a code, but versions have numbers
                "__8"); // bytes that are not UTF-8
        for (String cursor : cursors) {
            problems.clear();
            PageRequest.read(null, cursor, 50, PageRequest.NUMBER, problems);
            assertThat(problems).as(cursor).extracting(FieldProblem::field).containsExactly("after");
        }
        problems.clear();
        assertThat(PageRequest.read(null, PageRequest.cursor("42"), 50, PageRequest.NUMBER, problems)
                        .after())
                .isEqualTo("42");
        assertThat(problems).isEmpty();
    }
}
