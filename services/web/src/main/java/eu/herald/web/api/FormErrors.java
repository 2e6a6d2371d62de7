package eu.herald.web.api;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * A service's problem on a page: each field it names next to that field of the form, and what names no field of
 * the form (or no field at all) at the top of the form. Nothing is saved half-way: the form is shown again with
 * what the person typed.
 */
public final class FormErrors {

    private FormErrors() {}

    public static void show(ApiProblem problem, BindingResult form) {
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = formField(error.field());
            if (!field.isEmpty() && has(form, field)) {
                form.rejectValue(field, "api", error.message());
            } else {
                form.reject("api", error.field().isEmpty() ? error.message() : error.field() + ": " + error.message());
            }
        }
        if (problem.errors().isEmpty()) {
            String detail = problem.detail() != null ? problem.detail() : problem.title();
            form.reject(
                    "api", detail != null ? detail : "HTTP " + problem.status().value());
        }
    }

    /** {@code themes[0]} and {@code preferences.quietHours.start} are shown next to {@code themes}, {@code quietHours}. */
    static String formField(String apiField) {
        String field = apiField.replaceAll("\\[.*", "");
        int dot = field.lastIndexOf('.');
        return dot < 0 ? field : field.substring(dot + 1);
    }

    private static boolean has(BindingResult form, String field) {
        Object target = form.getTarget();
        return target != null && new BeanWrapperImpl(target).isReadableProperty(field);
    }
}
