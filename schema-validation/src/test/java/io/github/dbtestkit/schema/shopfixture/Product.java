package io.github.dbtestkit.schema.shopfixture;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/**
 * Something the shop sells. The database refuses negative stock ({@code CHECK (stock >= 0)} in the migrations), so
 * {@link #take(int)} failing to check would still not oversell.
 *
 * <pre>{@code
 * Product pen = new Product("Pen", new BigDecimal("1.50"), 10); pen.take(3);
 * }</pre>
 */
@Entity
@Table(name = "products")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal price;

    @Column(nullable = false)
    private int stock;

    protected Product() {
    }

    public Product(String name, BigDecimal price, int stock) {
        this.name = name;
        this.price = price;
        this.stock = stock;
    }

    /** Takes {@code quantity} items out of stock; the database has the last word on negative stock. */
    public void take(int quantity) {
        stock -= quantity;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public int getStock() {
        return stock;
    }
}
