package eu.herald.catalogue;

import eu.herald.testsupport.TopicsManifest;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The topics this service creates for local runs, Compose and tests are those the cluster has. */
class TopicsManifestIntegrationTests extends CatalogueIntegrationTest {

    @Autowired
    List<NewTopic> declared;

    @Test
    void declaresItsTopicsAsK8sTopicsYamlStatesThem() {
        TopicsManifest.read().assertAgreesWith(declared);
    }
}
