package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sender or recipient of a {@link Transfer}.
 */
public class TransferParty extends RecurrenteObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("name")
    private String name;

    @JsonProperty("type")
    private String type;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id;
    }
}
