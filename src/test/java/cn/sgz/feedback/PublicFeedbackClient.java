package cn.sgz.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A resident's browser, as MockMvc requests: opens a public form (getting the CSRF cookie, the hidden CSRF
 * field and the arithmetic challenge exactly as a browser would), answers the challenge and posts.
 */
final class PublicFeedbackClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"challengeToken\" value=\"([^\"]+)\"");
    private static final Pattern QUESTION = Pattern.compile("(\\d+) (加|减) (\\d+) 等于几");
    static final Pattern RECEIPT = Pattern.compile("id=\"receipt-no\">([^<]+)<");
    static final Pattern QUERY = Pattern.compile("id=\"query-code\">([^<]+)<");

    private final MockMvc mvc;
    private final String ip;

    PublicFeedbackClient(MockMvc mvc, String ip) {
        this.mvc = mvc;
        this.ip = ip;
    }

    /** A form as a browser holds it: CSRF cookie and field, challenge token and the right answer. */
    record OpenForm(Cookie csrfCookie, String csrf, String token, String answer) {}

    static String text(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    OpenForm open(String url) throws Exception {
        MockHttpServletResponse page = mvc.perform(get(url).with(r -> {
                    r.setRemoteAddr(ip);
                    return r;
                }))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).as("GET %s", url).isEqualTo(200);
        String html = text(page);
        Cookie cookie = page.getCookie("FEEDBACK-XSRF");
        assertThat(cookie).as("CSRF cookie of %s", url).isNotNull();
        assertThat(page.getCookie("SESSION")).isNull();
        boolean challenge = html.contains("challengeToken");
        return new OpenForm(
                cookie, find(CSRF, html), challenge ? find(TOKEN, html) : null, challenge ? answer(html) : null);
    }

    private static String find(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as("%s in page", p).isTrue();
        return m.group(1);
    }

    static String answer(String html) {
        Matcher m = QUESTION.matcher(html);
        assertThat(m.find()).as("challenge question in page").isTrue();
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        return String.valueOf(m.group(2).equals("加") ? a + b : a - b);
    }

    /** Posts the case form of a station; photos are JPEG bytes. */
    MockHttpServletResponse submit(
            long stationId,
            String kind,
            String content,
            String phone,
            boolean consent,
            String answerOverride,
            byte[]... photos)
            throws Exception {
        OpenForm form = open("/feedback/s/" + stationId + "/new?kind=" + kind);
        MockMultipartHttpServletRequestBuilder req = multipart("/feedback/s/" + stationId + "/new");
        for (int i = 0; i < photos.length; i++) {
            req.file(new MockMultipartFile("photos", "p" + i + ".jpg", "image/jpeg", photos[i]));
        }
        req.param("kind", kind)
                .param("content", content)
                .param("_csrf", form.csrf())
                .param("challengeToken", form.token())
                .param("challengeAnswer", answerOverride == null ? form.answer() : answerOverride)
                .cookie(form.csrfCookie());
        if (phone != null) {
            req.param("phone", phone);
        }
        if (consent) {
            req.param("consent", "true");
        }
        return mvc.perform(req.with(r -> {
                    r.setRemoteAddr(ip);
                    return r;
                }))
                .andReturn()
                .getResponse();
    }

    MockHttpServletResponse track(String receiptNo, String code) throws Exception {
        OpenForm form = open("/feedback/track");
        return mvc.perform(post("/feedback/track")
                        .param("receiptNo", receiptNo)
                        .param("queryCode", code)
                        .param("_csrf", form.csrf())
                        .cookie(form.csrfCookie())
                        .with(r -> {
                            r.setRemoteAddr(ip);
                            return r;
                        }))
                .andReturn()
                .getResponse();
    }
}
