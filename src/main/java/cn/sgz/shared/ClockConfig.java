package cn.sgz.shared;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's clock: China time from the system. With {@code sgz.clock.start} set (an ISO offset date-time,
 * e.g. {@code 2026-12-07T10:00+08:00}) the clock starts at that moment when the application starts and then runs at
 * normal speed: the build sets it for every test (pom.xml, surefire) so that the suite sees the same "today" whatever day it runs on, and a
 * demonstration can be shown as of a chosen day.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${sgz.clock.start:}") String start) {
        return ChinaTime.startingAt(start);
    }
}
