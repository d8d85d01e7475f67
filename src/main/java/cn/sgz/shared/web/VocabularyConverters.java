package cn.sgz.shared.web;

import cn.sgz.shared.vocabulary.ServiceKind;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Query parameters and form fields may name a service kind by its code, its label or an earlier code
 * ("RESOURCE_LINKING" before the vocabulary was unified), as request bodies may ({@link ServiceKind#fromJson}).
 */
@Component
class VocabularyConverters implements Converter<String, ServiceKind> {

    @Override
    public ServiceKind convert(String source) {
        return source.isBlank() ? null : ServiceKind.fromJson(source);
    }
}
