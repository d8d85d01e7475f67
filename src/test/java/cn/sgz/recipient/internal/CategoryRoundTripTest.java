package cn.sgz.recipient.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sgz.recipient.AssistanceSubtype;
import cn.sgz.recipient.ChildSubtype;
import cn.sgz.recipient.ElderlyFlag;
import cn.sgz.recipient.RecipientCategory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ledger export's category text re-imports to the same categories, subtypes and flags. */
class CategoryRoundTripTest {

    @Test
    void everyExportedCategoryTextParsesBackToWhatItDescribes() {
        for (AssistanceSubtype s : AssistanceSubtype.values()) {
            var c = parse(List.of(new CategoryRow(RecipientCategory.SOCIAL_ASSISTANCE, s.name(), List.of())), 40);
            assertThat(c.categories).contains(RecipientCategory.SOCIAL_ASSISTANCE);
            assertThat(c.assistance).isEqualTo(s);
        }
        for (ElderlyFlag f : ElderlyFlag.values()) {
            var c = parse(List.of(new CategoryRow(RecipientCategory.ELDERLY, null, List.of(f.name()))), 85);
            assertThat(c.categories).contains(RecipientCategory.ELDERLY);
            assertThat(c.elderly).contains(f);
        }
        for (ChildSubtype s : ChildSubtype.values()) {
            var c = parse(List.of(new CategoryRow(RecipientCategory.CHILD, null, List.of(s.name()))), 9);
            assertThat(c.categories).containsExactly(RecipientCategory.CHILD);
            assertThat(c.child).as("%s", s).containsExactly(s);
        }
        var several = parse(
                List.of(
                        new CategoryRow(RecipientCategory.SOCIAL_ASSISTANCE, "DIBAO", List.of()),
                        new CategoryRow(RecipientCategory.ELDERLY, null, List.of("EMPTY_NEST", "LIVING_ALONE")),
                        new CategoryRow(RecipientCategory.DISABLED, null, List.of()),
                        new CategoryRow(RecipientCategory.OTHER, "困难退役军人", List.of())),
                70);
        assertThat(several.categories)
                .isEqualTo(EnumSet.of(
                        RecipientCategory.SOCIAL_ASSISTANCE,
                        RecipientCategory.ELDERLY,
                        RecipientCategory.DISABLED,
                        RecipientCategory.OTHER));
        assertThat(several.elderly).isEqualTo(Set.of(ElderlyFlag.EMPTY_NEST, ElderlyFlag.LIVING_ALONE));
        assertThat(several.other).isEqualTo("困难退役军人");
    }

    private static ImportTokens.Categories parse(List<CategoryRow> rows, int age) {
        String text =
                String.join("；", rows.stream().map(RecipientRules::describe).toList());
        ImportTokens.Categories c = new ImportTokens.Categories();
        assertThat(ImportTokens.parseCategories(text, age, c))
                .as("words not understood in %s", text)
                .isEmpty();
        return c;
    }
}
