package dev.arbiter.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {
    @Test
    void escapesEveryCharacterThatCouldOpenMarkup() {
        assertThat(Html.escape("<script>alert('x')&\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&amp;&quot;&lt;/script&gt;");
    }

    @Test
    void jsonInsideAScriptCannotCloseTheScriptElement() {
        String s = Html.scriptJson("{\"a\":\"</script><img src=x onerror=alert(1)>\"}");
        assertThat(s).doesNotContain("</script").doesNotContain("<img");
    }

    @Test
    void linksOnlyForHttpUrls() {
        assertThat(Html.link("javascript:alert(1)", "x")).isEqualTo("x");
        assertThat(Html.link("https://a.example/?q=<b>", "t")).contains("href=\"https://a.example/?q=&lt;b&gt;\"");
    }
}
