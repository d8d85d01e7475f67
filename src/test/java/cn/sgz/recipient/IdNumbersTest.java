package cn.sgz.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.recipient.internal.IdNumbers;
import cn.sgz.recipient.internal.SyntheticPeople;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

    @Test
    void acceptsValidNumbersIncludingXCheckCharacter() {
        // 11010519491231002X: the GB 11643 standard's own example
        assertThat(IdNumbers.problem("11010519491231002X", TODAY)).isNull();
        assertThat(IdNumbers.isValid("11010519491231002x", TODAY)).isTrue();
        assertThat(IdNumbers.birthDate("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(IdNumbers.gender("11010519491231002X")).isEqualTo("女");
    }

    @Test
    void rejectsWrongCheckDigitLengthDateAndScientificNotation() {
        assertThat(IdNumbers.problem("110105194912310021", TODAY)).contains("校验位");
        assertThat(IdNumbers.problem("11010519491231002", TODAY)).contains("18位");
        assertThat(IdNumbers.problem("110105194902300021", TODAY)).contains("出生日期");
        assertThat(IdNumbers.problem("110105203001010011", TODAY)).contains("出生日期");
        assertThat(IdNumbers.problem("1.10105E+17", TODAY)).contains("科学计数法");
        assertThat(IdNumbers.problem("", TODAY)).contains("不能为空");
        assertThat(IdNumbers.problem("11010519491231002A", TODAY)).contains("末位");
    }

    @Test
    void rejectsAProvinceCodeThatDoesNotExist() {
        // the standard's example with its province 11 changed to 19 (and a check character that fits): mistyped
        String first17 = "19010519491231002";
        String number = first17 + IdNumbers.checkChar(first17);
        assertThat(IdNumbers.problem(number, TODAY)).contains("省级行政区划代码");
        String inner = "15020719491231002"; // 内蒙古包头市九原区
        assertThat(IdNumbers.problem(inner + IdNumbers.checkChar(inner), TODAY)).isNull();
    }

    @Test
    void masksAllButAreaAndTail() {
        assertThat(IdNumbers.mask("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    void syntheticNumbersAreValidAndMatchGender() {
        SyntheticPeople people = new SyntheticPeople(1, TODAY);
        for (int i = 0; i < 500; i++) {
            SyntheticPeople.Person p = people.anyPerson(java.util.List.of("滨河社区社工室"));
            assertThat(IdNumbers.problem(p.idNumber(), TODAY)).as(p.idNumber()).isNull();
            assertThat(IdNumbers.gender(p.idNumber())).isEqualTo(p.gender());
            assertThat(IdNumbers.birthDate(p.idNumber())).isEqualTo(p.birthDate());
        }
    }
}
