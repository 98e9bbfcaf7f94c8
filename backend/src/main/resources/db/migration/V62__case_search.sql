-- The case list's search (GET /api/cases?q=): an applicant is found by name or reference whatever
-- the accents and the case ("Hélène Çelik" by "helene celik"). A plain immutable SQL function, so no
-- extension is needed; lower() first, then each accented Latin letter to its base letter.
CREATE FUNCTION folded(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
    RETURN replace(replace(translate(lower($1),
        'àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšșţťŧțùúûüũūŭůűųŵýÿŷźżž’',
        'aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssssttttuuuuuuuuuuwyyyzzz'''), 'œ', 'oe'), 'æ', 'ae');

GRANT EXECUTE ON FUNCTION folded(text) TO ${appRole};
