package cn.sgz;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 社工站服务管理平台: one Spring Modulith application, one top-level package per module. */
@SpringBootApplication
@EnableScheduling
public class SgzApplication {

    static {
        // "Today" is China's today on any server: dates default from ChinaTime.today() in every module.
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(cn.sgz.shared.ChinaTime.ZONE));
    }

    public static void main(String[] args) {
        SpringApplication.run(SgzApplication.class, args);
    }
}
