package cn.sgz.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sample is reproducible from its seed, whatever the order of the frame, and stratified as asked. */
class SamplerTest {

    /** 3 stations × kinds of very different sizes: 120 records in 6 strata. */
    static List<Sampler.Unit> frame() {
        List<Sampler.Unit> f = new ArrayList<>();
        long id = 1000;
        int[][] sizes = {{40, 10, 2}, {30, 20}, {18}};
        String[] kinds = {"HOME_ASSESSMENT", "COMMUNITY_SERVICE", "CHARITY_RELIEF"};
        for (int s = 0; s < sizes.length; s++) {
            for (int k = 0; k < sizes[s].length; k++) {
                for (int i = 0; i < sizes[s][k]; i++) {
                    f.add(new Sampler.Unit(id += 7, 10 + s, kinds[k]));
                }
            }
        }
        return f;
    }

    @Test
    void sameSeedSameSampleWhateverTheFrameOrder() {
        List<Sampler.Unit> frame = frame();
        List<Sampler.Unit> shuffled = new ArrayList<>(frame);
        Collections.shuffle(shuffled, new Random(99));
        List<Sampler.Unit> a = Sampler.draw(frame, 42L, Sampler.Strata.STATION_KIND, 20);
        List<Sampler.Unit> b = Sampler.draw(shuffled, 42L, Sampler.Strata.STATION_KIND, 20);
        assertThat(a).hasSize(20).doesNotHaveDuplicates().isEqualTo(b);
        assertThat(Sampler.frameHash(frame)).isEqualTo(Sampler.frameHash(shuffled));
        // another seed gives another sample of the same shape
        List<Sampler.Unit> c = Sampler.draw(frame, 43L, Sampler.Strata.STATION_KIND, 20);
        assertThat(c).hasSize(20).isNotEqualTo(a);
        assertThat(strata(c, Sampler.Strata.STATION_KIND)).isEqualTo(strata(a, Sampler.Strata.STATION_KIND));
    }

    @Test
    void everyStratumIsRepresentedAndTheRestIsProportional() {
        List<Sampler.Unit> frame = frame();
        Map<String, Long> byStratum =
                strata(Sampler.draw(frame, 7L, Sampler.Strata.STATION_KIND, 20), Sampler.Strata.STATION_KIND);
        // 6 strata get one each; the other 14 go by size (114 records left: 39, 9, 1, 29, 19, 17)
        assertThat(byStratum).hasSize(6);
        assertThat(byStratum.values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(byStratum.get("000000000010/HOME_ASSESSMENT")).isEqualTo(1 + 5);
        assertThat(byStratum.get("000000000010/CHARITY_RELIEF")).isEqualTo(1);
        assertThat(byStratum.get("000000000011/HOME_ASSESSMENT")).isEqualTo(1 + 4);
        assertThat(byStratum.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20);

        Map<String, Long> byStation =
                strata(Sampler.draw(frame, 7L, Sampler.Strata.STATION, 12), Sampler.Strata.STATION);
        // 52 / 50 / 18 records: 3 ones, then 9 shared 51:49:17 → 4 + 4 + 1 by largest remainder
        assertThat(byStation)
                .containsEntry("000000000010", 5L)
                .containsEntry("000000000011", 5L)
                .containsEntry("000000000012", 2L);
    }

    @Test
    void smallStrataAreTakenWholeAndTheSizeIsCappedAtTheFrame() {
        List<Sampler.Unit> frame = frame();
        assertThat(Sampler.draw(frame, 1L, Sampler.Strata.STATION_KIND, 500)).hasSize(frame.size());
        // fewer than the strata: proportional, no stratum drawn twice its size
        List<Sampler.Unit> three = Sampler.draw(frame, 1L, Sampler.Strata.STATION_KIND, 3);
        assertThat(three).hasSize(3).doesNotHaveDuplicates();
    }

    static Map<String, Long> strata(List<Sampler.Unit> sample, Sampler.Strata s) {
        return sample.stream().collect(Collectors.groupingBy(s::key, Collectors.counting()));
    }
}
