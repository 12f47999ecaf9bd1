package org.yaraguard.interceptor.arc;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/** One intercepted call, as Weld would hand it to the interceptor: the method, its parameters and the bean's body. */
public final class Call implements InvocationContext {

    /** The bean method behind the interceptor. */
    @FunctionalInterface
    public interface Body {
        Object run(Object[] parameters) throws Exception;
    }

    private final Method method;
    private Object[] parameters;
    private final Body body;
    private final Map<String, Object> data = new HashMap<>();
    private Object target = this;
    int proceeded;

    public Call(Method method, Body body, Object... parameters) {
        this.method = method;
        this.parameters = parameters;
        this.body = body;
    }

    /** The bean instance the call is on. */
    public Call on(Object bean) {
        this.target = bean;
        return this;
    }

    @Override
    public Object getTarget() {
        return target;
    }

    @Override
    public Object getTimer() {
        return null;
    }

    @Override
    public Method getMethod() {
        return method;
    }

    @Override
    public Constructor<?> getConstructor() {
        return null;
    }

    @Override
    public Object[] getParameters() {
        return parameters.clone();
    }

    @Override
    public void setParameters(Object[] params) {
        this.parameters = params.clone();
    }

    @Override
    public Map<String, Object> getContextData() {
        return data;
    }

    /** How many times the call went on to the bean. */
    public int proceeded() {
        return proceeded;
    }

    @Override
    public Object proceed() throws Exception {
        proceeded++;
        return body.run(parameters);
    }
}
