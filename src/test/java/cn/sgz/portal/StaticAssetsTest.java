package cn.sgz.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sgz.SgzTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Pages link htmx by its versioned webjar path, and that path is served. No resource chain resolves page links:
 * with one, every link of every page was looked up as a static resource (about 90% of page time).
 */
@SgzTest
class StaticAssetsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void theScriptEveryPageLinksIsServed() throws Exception {
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher src = Pattern.compile("<script src=\"(/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js)\"")
                .matcher(login);
        assertThat(src.find())
                .as("the layout links htmx by a versioned path:\n%s", login)
                .isTrue();
        var script = mvc.perform(get(src.group(1))).andReturn().getResponse();
        assertThat(script.getStatus()).isEqualTo(200);
        assertThat(script.getContentAsString()).contains("htmx");
        // springdoc serves its own webjar with its own resolver, chain or not
        assertThat(mvc.perform(get("/swagger-ui/index.html"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    /**
     * Every script and style sheet that a rendered page links (the login page, and a signed-in home page with the
     * session script) and every static path any template names is served with content: nothing the pages need
     * answers 404 now that no resource chain resolves links.
     */
    @Test
    void everyAssetThePagesLinkIsServed() throws Exception {
        java.util.Set<String> assets = new java.util.TreeSet<>();
        Pattern linked = Pattern.compile("(?:src|href)=\"(/(?:css|js|webjars)/[^\"?#]+)\"");
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String home = mvc.perform(get("/").cookie(new cn.sgz.org.TestLogin(mvc).login("demo_worker")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (String page : java.util.List.of(login, home)) {
            Matcher m = linked.matcher(page);
            while (m.find()) {
                assets.add(m.group(1));
            }
        }
        assertThat(assets)
                .as("the layout's assets, signed in")
                .contains("/css/app.css", "/js/app.js", "/js/session.js")
                .anyMatch(a -> a.startsWith("/webjars/htmx.org/"));
        // static paths named in any template (pages not rendered here: the public feedback pages, photo upload)
        Pattern named = Pattern.compile("@\\{(/(?:css|js)/[^}?(]+)");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))) {
            for (java.nio.file.Path f :
                    files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = named.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    assets.add(m.group(1));
                }
            }
        }
        assertThat(assets).contains("/css/feedback.css", "/js/photo-upload.js");
        for (String asset : assets) {
            var response = mvc.perform(get(asset)).andReturn().getResponse();
            assertThat(response.getStatus()).as(asset).isEqualTo(200);
            assertThat(response.getContentAsByteArray()).as(asset).isNotEmpty();
        }
    }

    @Test
    void pageLinksAreNotResolvedAsStaticResources() {
        // ResourceUrlEncodingFilter + a webjars locator made link building probe the classpath per link
        assertThat(context.getBeanNamesForType(
                        org.springframework.web.servlet.resource.ResourceUrlEncodingFilter.class))
                .isEmpty();
        var provider = context.getBeanProvider(ResourceUrlProvider.class).getIfAvailable();
        if (provider != null) {
            provider.getHandlerMap()
                    .forEach((pattern, handler) -> assertThat(handler.getResourceResolvers())
                            .as("resolvers of %s", pattern)
                            .noneMatch(
                                    r -> r.getClass().getName().startsWith("org.springframework.web.servlet.resource.")
                                            && r.getClass().getSimpleName().equals("LiteWebJarsResourceResolver")));
        }
    }
}
