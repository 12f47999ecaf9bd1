package org.yaraguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupAndControlCharacters() {
        assertThat(Html.text("<script>alert('x')</script>\"&\u001b"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;\uFFFD");
        assertThat(Html.text(null)).isEmpty();
    }

    @Test
    void encodesQueryParameters() {
        assertThat(Html.param("a b&c\"<")).isEqualTo("a+b%26c%22%3C");
    }
}
