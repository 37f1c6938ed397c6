package com.example.boot.library;

/** How a book is published; stored by name. */
public enum Format {
    HARDCOVER, PAPERBACK, EBOOK
}
