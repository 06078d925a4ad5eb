package org.socialmedia.post.query.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springdoc.webmvc.ui.SwaggerConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The API description and the Swagger UI, served by springdoc behind the security chain: open to
 * anyone, and gone (404, not 401) when a deployment switches them off.
 */
@WebMvcTest(controllers = PostLookupController.class)
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class,
        SwaggerConfig.class, SwaggerUiConfigProperties.class, SwaggerUiOAuthProperties.class})
@Import(ShortVersionWaits.class)
class ApiDescriptionSwitchTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    QueryDispatcher queries;

    @Nested
    class OnByDefault {

        @Test
        void anyoneReadsTheDescriptionAndTheUi() {
            assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyText().contains("/api/v1/posts/{id}");
            assertThat(mvc.get().uri("/swagger-ui.html")).hasStatus(HttpStatus.FOUND);
            assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
        }
    }

    @Nested
    @TestPropertySource(properties = {"springdoc.api-docs.enabled=false", "springdoc.swagger-ui.enabled=false"})
    class OffByProperty {

        @Test
        void theDescriptionAndTheUiAreNotFound() {
            for (String path : new String[] {"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"}) {
                assertThat(mvc.get().uri(path)).as(path).hasStatus(HttpStatus.NOT_FOUND)
                        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
    }
}
