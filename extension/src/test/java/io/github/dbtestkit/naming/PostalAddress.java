package io.github.dbtestkit.naming;

import jakarta.persistence.Embeddable;

/** An embedded value whose columns take their names from its camelCase fields. */
@Embeddable
public class PostalAddress {

    private String streetName;

    private String cityName;

    protected PostalAddress() {
    }

    public PostalAddress(String streetName, String cityName) {
        this.streetName = streetName;
        this.cityName = cityName;
    }

    public String getCityName() {
        return cityName;
    }
}
