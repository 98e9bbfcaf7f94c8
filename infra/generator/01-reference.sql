-- Reference data: what the generated caseloads are drawn from, with their weights.
-- Weighted tables get lo/hi: the interval of [0, 1) that selects the row.

-- Nationalities (ISO 3166-1 alpha-3, XKX and XXA as the service accepts them), with the
-- name pool of their region and the languages applicants usually speak (or an alternative).
CREATE TABLE gen.nationality (code, region, weight, langs, alt_langs, alt_share) AS VALUES
    ('DZA', 'maghreb',    16.0, '["arabe", "français"]'::jsonb,            '["kabyle", "français"]'::jsonb,   0.25),
    ('MAR', 'maghreb',    12.0, '["arabe", "français"]'::jsonb,            '["tamazight", "arabe"]'::jsonb,   0.25),
    ('TUN', 'maghreb',     8.0, '["arabe", "français"]'::jsonb,            '["arabe"]'::jsonb,                0.20),
    ('MLI', 'westafrica',  8.0, '["bambara", "français"]'::jsonb,          '["soninké", "bambara"]'::jsonb,   0.30),
    ('CIV', 'westafrica',  6.0, '["français", "dioula"]'::jsonb,           '["français"]'::jsonb,             0.40),
    ('GIN', 'westafrica',  6.0, '["peul", "soussou", "français"]'::jsonb,  '["malinké", "français"]'::jsonb,  0.35),
    ('SEN', 'westafrica',  5.0, '["wolof", "français"]'::jsonb,            '["peul", "wolof"]'::jsonb,        0.25),
    ('MRT', 'westafrica',  1.0, '["arabe", "pulaar"]'::jsonb,              '["soninké", "arabe"]'::jsonb,     0.30),
    ('COD', 'central',     6.0, '["lingala", "français"]'::jsonb,          '["swahili", "français"]'::jsonb,  0.30),
    ('CMR', 'central',     4.0, '["français"]'::jsonb,                     '["anglais", "français"]'::jsonb,  0.25),
    ('COG', 'central',     1.5, '["lingala", "français"]'::jsonb,          '["français"]'::jsonb,             0.40),
    ('HTI', 'haiti',       3.0, '["créole haïtien", "français"]'::jsonb,   '["créole haïtien"]'::jsonb,       0.30),
    ('AFG', 'afghan',      4.0, '["dari"]'::jsonb,                         '["pachto", "dari"]'::jsonb,       0.40),
    ('COM', 'comoros',     2.0, '["comorien", "français"]'::jsonb,         '["comorien"]'::jsonb,             0.30),
    ('BGD', 'southasia',   2.0, '["bengali"]'::jsonb,                      '["bengali", "anglais"]'::jsonb,   0.30),
    ('PAK', 'southasia',   1.5, '["ourdou", "pendjabi"]'::jsonb,           '["ourdou", "anglais"]'::jsonb,    0.30),
    ('LKA', 'southasia',   1.0, '["tamoul"]'::jsonb,                       '["tamoul", "anglais"]'::jsonb,    0.20),
    ('ALB', 'balkan',      2.0, '["albanais"]'::jsonb,                     '["albanais", "italien"]'::jsonb,  0.20),
    ('XKX', 'balkan',      1.0, '["albanais", "serbe"]'::jsonb,            '["albanais"]'::jsonb,             0.50),
    ('GEO', 'caucasus',    2.0, '["géorgien", "russe"]'::jsonb,            '["géorgien"]'::jsonb,             0.30),
    ('ARM', 'caucasus',    1.0, '["arménien", "russe"]'::jsonb,            '["arménien"]'::jsonb,             0.30),
    ('TUR', 'turkey',      2.0, '["turc"]'::jsonb,                         '["kurde", "turc"]'::jsonb,        0.35),
    ('EGY', 'maghreb',     1.0, '["arabe"]'::jsonb,                        '["arabe", "anglais"]'::jsonb,     0.20),
    ('NGA', 'anglo',       2.0, '["anglais", "yoruba"]'::jsonb,            '["anglais", "igbo"]'::jsonb,      0.45),
    ('GHA', 'anglo',       0.8, '["anglais", "twi"]'::jsonb,               '["anglais"]'::jsonb,              0.40),
    ('CHN', 'china',       1.0, '["mandarin"]'::jsonb,                     '["mandarin", "cantonais"]'::jsonb,0.15),
    ('SDN', 'eastafrica',  1.5, '["arabe"]'::jsonb,                        '["arabe", "anglais"]'::jsonb,     0.20),
    ('ERI', 'eastafrica',  1.0, '["tigrigna", "arabe"]'::jsonb,            '["tigrigna"]'::jsonb,             0.40),
    ('XXA', 'eastafrica',  0.2, '["arabe"]'::jsonb,                        '["russe"]'::jsonb,                0.30);

-- Given names (m, f) and family names by region; 'fr' is for staff, spouses and relatives
-- who are French.
CREATE TABLE gen.given_name (region text, sex text, idx int, name text);
CREATE TABLE gen.family_name (region text, idx int, name text);
INSERT INTO gen.given_name
SELECT region, sex, idx::int, name
FROM (VALUES
    ('maghreb', 'm', ARRAY['Mohamed', 'Ahmed', 'Youssef', 'Karim', 'Samir', 'Mehdi', 'Rachid', 'Nabil', 'Sofiane',
                           'Bilal', 'Hamza', 'Amine', 'Yacine', 'Walid', 'Omar', 'Abdelkader', 'Mourad', 'Hichem']),
    ('maghreb', 'f', ARRAY['Fatima', 'Amina', 'Khadija', 'Nadia', 'Samira', 'Leïla', 'Yasmina', 'Meriem', 'Salma',
                           'Imane', 'Soumia', 'Houda', 'Nour', 'Sara', 'Zineb', 'Malika', 'Rania', 'Hanane']),
    ('westafrica', 'm', ARRAY['Mamadou', 'Moussa', 'Ibrahima', 'Oumar', 'Abdoulaye', 'Seydou', 'Amadou', 'Boubacar',
                              'Souleymane', 'Cheikh', 'Lamine', 'Aliou', 'Modibo', 'Bakary', 'Yaya', 'Issa', 'Sekou']),
    ('westafrica', 'f', ARRAY['Fatoumata', 'Aminata', 'Mariam', 'Awa', 'Kadiatou', 'Aïssatou', 'Oumou', 'Hawa',
                              'Djeneba', 'Ramatoulaye', 'Binta', 'Khady', 'Nafissatou', 'Adama', 'Coumba', 'Assetou']),
    ('central', 'm', ARRAY['Jean-Pierre', 'Patrick', 'Serge', 'Christian', 'Didier', 'Junior', 'Blaise', 'Fabrice',
                           'Hervé', 'Landry', 'Arsène', 'Guy', 'Emmanuel', 'Trésor', 'Olivier', 'Cédric']),
    ('central', 'f', ARRAY['Grâce', 'Chantal', 'Solange', 'Esther', 'Mireille', 'Nadège', 'Sandrine', 'Christelle',
                           'Josiane', 'Béatrice', 'Prisca', 'Ruth', 'Divine', 'Clarisse', 'Joëlle', 'Merveille']),
    ('haiti', 'm', ARRAY['Jean', 'Wilson', 'Jameson', 'Frantz', 'Wesner', 'Ricardo', 'Jacques', 'Pierre', 'Lovens',
                         'Stanley', 'Emmanuel', 'Fritz', 'Wilner', 'Jean-Robert']),
    ('haiti', 'f', ARRAY['Marie', 'Nathalie', 'Rose-Marie', 'Guerline', 'Mirlande', 'Nadège', 'Fabienne', 'Darline',
                         'Roseline', 'Wideline', 'Judith', 'Esther', 'Marie-Ange', 'Kettly']),
    ('afghan', 'm', ARRAY['Ahmad', 'Mohammad', 'Ali', 'Hamid', 'Jawad', 'Mustafa', 'Rahim', 'Abdul', 'Sayed', 'Farid',
                          'Hekmat', 'Najib', 'Zabihullah', 'Noorullah']),
    ('afghan', 'f', ARRAY['Fatema', 'Zahra', 'Maryam', 'Shabnam', 'Parisa', 'Frishta', 'Mursal', 'Nilofar', 'Sadia',
                          'Roya', 'Laila', 'Marzia']),
    ('comoros', 'm', ARRAY['Said', 'Ahmed', 'Ali', 'Abdou', 'Youssouf', 'Hamada', 'Soilihi', 'Ibrahim', 'Mohamed', 'Anli']),
    ('comoros', 'f', ARRAY['Fatima', 'Zainaba', 'Mariama', 'Nassra', 'Echati', 'Anlia', 'Hadidja', 'Moinaecha', 'Roukia',
                           'Sitti']),
    ('southasia', 'm', ARRAY['Mohammad', 'Rahim', 'Imran', 'Tariq', 'Asif', 'Sajid', 'Raju', 'Arif', 'Sujan',
                             'Tharshan', 'Rizwan', 'Faisal', 'Kumaran', 'Shahid']),
    ('southasia', 'f', ARRAY['Ayesha', 'Nasrin', 'Farzana', 'Shirin', 'Rukhsana', 'Sadia', 'Tahmina', 'Nusrat',
                             'Sumaiya', 'Kavitha', 'Priya', 'Shabana']),
    ('balkan', 'm', ARRAY['Arben', 'Ardit', 'Besnik', 'Dritan', 'Ermal', 'Fatmir', 'Gentian', 'Ilir', 'Kujtim', 'Luan',
                          'Valon', 'Blerim']),
    ('balkan', 'f', ARRAY['Albana', 'Arta', 'Blerta', 'Drita', 'Elira', 'Fjolla', 'Jonida', 'Lindita', 'Mirela', 'Teuta',
                          'Valbona', 'Vjosa']),
    ('caucasus', 'm', ARRAY['Giorgi', 'Levan', 'David', 'Irakli', 'Zurab', 'Nika', 'Tigran', 'Aram', 'Armen', 'Davit',
                            'Gor', 'Vahe']),
    ('caucasus', 'f', ARRAY['Nino', 'Tamar', 'Mariam', 'Ketevan', 'Salome', 'Natia', 'Anahit', 'Lilit', 'Gayane', 'Ani',
                            'Armine', 'Nune']),
    ('turkey', 'm', ARRAY['Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'Murat', 'Emre', 'Serkan',
                          'Kemal', 'Deniz']),
    ('turkey', 'f', ARRAY['Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Meryem', 'Şerife', 'Derya', 'Gül',
                          'Sevgi', 'Leyla']),
    ('anglo', 'm', ARRAY['Chinedu', 'Emeka', 'Oluwaseun', 'Tunde', 'Ifeanyi', 'Samuel', 'Daniel', 'Kwame', 'Kofi', 'Musa',
                         'Ibrahim', 'Victor']),
    ('anglo', 'f', ARRAY['Blessing', 'Chioma', 'Ngozi', 'Funmilayo', 'Adaeze', 'Precious', 'Joy', 'Grace', 'Esther',
                         'Abena', 'Akosua', 'Favour']),
    ('china', 'm', ARRAY['Wei', 'Jun', 'Hao', 'Lei', 'Ming', 'Jian', 'Tao', 'Qiang', 'Yong', 'Bo']),
    ('china', 'f', ARRAY['Li', 'Mei', 'Xiu', 'Yan', 'Hui', 'Fang', 'Jing', 'Ling', 'Na', 'Ying']),
    ('eastafrica', 'm', ARRAY['Mohamed', 'Abdelrahman', 'Osman', 'Adam', 'Yonas', 'Tesfay', 'Dawit', 'Abdullahi', 'Hassan',
                              'Idris', 'Ismail', 'Mustafa']),
    ('eastafrica', 'f', ARRAY['Amna', 'Hawa', 'Fatima', 'Selam', 'Helen', 'Senait', 'Yordanos', 'Asha', 'Halima',
                              'Maryam', 'Zainab', 'Rahel']),
    ('fr', 'm', ARRAY['Marc', 'Hugo', 'Karim', 'Yanis', 'Julien', 'Thomas', 'Nicolas', 'Antoine', 'Maxime', 'Lucas',
                      'Mathieu', 'Romain', 'Pierre', 'Vincent', 'Alain', 'Bernard', 'Olivier', 'François', 'Paul', 'Louis']),
    ('fr', 'f', ARRAY['Claire', 'Léa', 'Inès', 'Sofia', 'Emma', 'Camille', 'Sarah', 'Manon', 'Chloé', 'Pauline', 'Julie',
                      'Marie', 'Élodie', 'Laura', 'Anaïs', 'Margaux', 'Sylvie', 'Françoise', 'Nathalie', 'Hélène'])
) AS v(region, sex, names), unnest(names) WITH ORDINALITY AS n(name, idx);

INSERT INTO gen.family_name
SELECT region, idx::int, name
FROM (VALUES
    ('maghreb', ARRAY['Benali', 'Haddad', 'Bouzid', 'Mansouri', 'Belkacem', 'Cherif', 'Amrani', 'El Idrissi', 'Bennani',
                      'Saidi', 'Brahimi', 'Khelifi', 'Ouali', 'Hamdi', 'Zerrouki', 'Trabelsi', 'Jaziri', 'Ben Salah',
                      'Alaoui', 'Tazi', 'Boukhari', 'Meziane']),
    ('westafrica', ARRAY['Diallo', 'Traoré', 'Keita', 'Coulibaly', 'Camara', 'Sow', 'Bah', 'Diop', 'Ndiaye', 'Konaté',
                         'Cissé', 'Sylla', 'Touré', 'Koné', 'Sangaré', 'Barry', 'Fofana', 'Kouyaté', 'Diarra', 'Doumbia',
                         'Ouattara', 'Kouassi', 'Yao', 'Bamba']),
    ('central', ARRAY['Mbuyi', 'Ilunga', 'Tshibangu', 'Kasongo', 'Mukendi', 'Lukusa', 'Mbala', 'Kalonji', 'Ngoma',
                      'Nzuzi', 'Etoundi', 'Mbarga', 'Fotso', 'Kamga', 'Nkoulou', 'Essomba', 'Ndongo', 'Makosso']),
    ('haiti', ARRAY['Joseph', 'Pierre', 'Jean-Baptiste', 'Louis', 'Charles', 'Désir', 'Étienne', 'Saint-Fleur', 'Dorvil',
                    'Jean-Louis', 'Augustin', 'Michel', 'Alexis', 'Toussaint', 'Bien-Aimé']),
    ('afghan', ARRAY['Rahimi', 'Ahmadi', 'Hashimi', 'Sultani', 'Karimi', 'Hussaini', 'Noori', 'Safi', 'Wardak',
                     'Stanikzai', 'Popal', 'Mohammadi', 'Haidari', 'Amiri']),
    ('comoros', ARRAY['Said', 'Ahmed', 'Abdallah', 'Mohamed', 'Soilihi', 'Hamadi', 'Ali', 'Madi', 'Youssouf', 'Attoumani',
                      'Mze', 'Boina']),
    ('southasia', ARRAY['Hossain', 'Rahman', 'Islam', 'Ahmed', 'Chowdhury', 'Khan', 'Hussain', 'Malik', 'Butt', 'Raza',
                        'Sivakumar', 'Kanagaratnam', 'Perera', 'Uddin', 'Akter']),
    ('balkan', ARRAY['Krasniqi', 'Hoxha', 'Berisha', 'Gashi', 'Shala', 'Morina', 'Kelmendi', 'Dervishi', 'Leka', 'Basha',
                     'Hasani', 'Zeneli', 'Rama', 'Bytyqi']),
    ('caucasus', ARRAY['Beridze', 'Kapanadze', 'Gelashvili', 'Maisuradze', 'Lomidze', 'Tsiklauri', 'Nozadze',
                       'Grigoryan', 'Hakobyan', 'Sargsyan', 'Harutyunyan', 'Petrosyan', 'Avetisyan', 'Mkrtchyan']),
    ('turkey', ARRAY['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk', 'Arslan', 'Doğan',
                     'Kılıç', 'Aslan', 'Koç', 'Kurt']),
    ('anglo', ARRAY['Okafor', 'Adeyemi', 'Okonkwo', 'Eze', 'Nwosu', 'Balogun', 'Adebayo', 'Obi', 'Mensah', 'Boateng',
                    'Asante', 'Osei', 'Danjuma', 'Bello']),
    ('china', ARRAY['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun']),
    ('eastafrica', ARRAY['Osman', 'Abdalla', 'Ibrahim', 'Adam', 'Mohamed Ali', 'Tesfaye', 'Gebremedhin', 'Haile',
                         'Tekle', 'Mahmoud', 'Yousif', 'Elamin']),
    ('fr', ARRAY['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
                 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
                 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
                 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Perrin',
                 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin',
                 'Nguyen', 'Petitjean'])
) AS v(region, names), unnest(names) WITH ORDINALITY AS n(name, idx);
-- The same as arrays, one row per (region, sex): a name is an array element, no join.
CREATE TABLE gen.names AS
SELECT g.region, g.sex, g.given, f.family
FROM (SELECT region, sex, array_agg(name ORDER BY idx) AS given FROM gen.given_name GROUP BY 1, 2) g
JOIN (SELECT region, array_agg(name ORDER BY idx) AS family FROM gen.family_name GROUP BY 1) f USING (region);
CREATE UNIQUE INDEX ON gen.names (region, sex);

-- An element of an array, picked with a uniform number in [0, 1).
CREATE FUNCTION gen.elem(a text[], u double precision) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT a[1 + least(cardinality(a) - 1, floor(u * cardinality(a))::int)] $$;

-- Departments: their prefecture (the authority a case is filed with), time zone, and how
-- often a case is filed there when not in its association's own department.
CREATE TABLE gen.department (code, prefecture, zone, weight) AS VALUES
    ('75', 'Préfecture de police de Paris', 'Europe/Paris', 12.0),
    ('93', 'Préfecture de la Seine-Saint-Denis (Bobigny)', 'Europe/Paris', 9.0),
    ('69', 'Préfecture du Rhône (Lyon)', 'Europe/Paris', 7.0),
    ('13', 'Préfecture des Bouches-du-Rhône (Marseille)', 'Europe/Paris', 7.0),
    ('59', 'Préfecture du Nord (Lille)', 'Europe/Paris', 5.0),
    ('94', 'Préfecture du Val-de-Marne (Créteil)', 'Europe/Paris', 4.0),
    ('92', 'Préfecture des Hauts-de-Seine (Nanterre)', 'Europe/Paris', 4.0),
    ('95', 'Préfecture du Val-d''Oise (Cergy)', 'Europe/Paris', 3.0),
    ('91', 'Préfecture de l''Essonne (Évry-Courcouronnes)', 'Europe/Paris', 2.5),
    ('78', 'Préfecture des Yvelines (Versailles)', 'Europe/Paris', 2.0),
    ('77', 'Préfecture de Seine-et-Marne (Melun)', 'Europe/Paris', 2.0),
    ('33', 'Préfecture de la Gironde (Bordeaux)', 'Europe/Paris', 3.0),
    ('31', 'Préfecture de la Haute-Garonne (Toulouse)', 'Europe/Paris', 3.5),
    ('67', 'Préfecture du Bas-Rhin (Strasbourg)', 'Europe/Paris', 3.0),
    ('57', 'Préfecture de la Moselle (Metz)', 'Europe/Paris', 2.0),
    ('68', 'Préfecture du Haut-Rhin (Colmar)', 'Europe/Paris', 1.5),
    ('54', 'Préfecture de Meurthe-et-Moselle (Nancy)', 'Europe/Paris', 1.5),
    ('44', 'Préfecture de la Loire-Atlantique (Nantes)', 'Europe/Paris', 2.5),
    ('35', 'Préfecture d''Ille-et-Vilaine (Rennes)', 'Europe/Paris', 2.0),
    ('34', 'Préfecture de l''Hérault (Montpellier)', 'Europe/Paris', 2.5),
    ('06', 'Préfecture des Alpes-Maritimes (Nice)', 'Europe/Paris', 2.5),
    ('38', 'Préfecture de l''Isère (Grenoble)', 'Europe/Paris', 2.5),
    ('76', 'Préfecture de la Seine-Maritime (Rouen)', 'Europe/Paris', 1.5),
    ('63', 'Préfecture du Puy-de-Dôme (Clermont-Ferrand)', 'Europe/Paris', 1.0),
    ('21', 'Préfecture de la Côte-d''Or (Dijon)', 'Europe/Paris', 1.0),
    ('45', 'Préfecture du Loiret (Orléans)', 'Europe/Paris', 1.0),
    ('42', 'Préfecture de la Loire (Saint-Étienne)', 'Europe/Paris', 1.0),
    ('37', 'Préfecture d''Indre-et-Loire (Tours)', 'Europe/Paris', 0.8),
    ('49', 'Préfecture de Maine-et-Loire (Angers)', 'Europe/Paris', 0.8),
    ('86', 'Préfecture de la Vienne (Poitiers)', 'Europe/Paris', 0.6),
    ('87', 'Préfecture de la Haute-Vienne (Limoges)', 'Europe/Paris', 0.6),
    ('29', 'Préfecture du Finistère (Quimper)', 'Europe/Paris', 0.6),
    ('84', 'Préfecture de Vaucluse (Avignon)', 'Europe/Paris', 0.8),
    ('30', 'Préfecture du Gard (Nîmes)', 'Europe/Paris', 0.8),
    ('66', 'Préfecture des Pyrénées-Orientales (Perpignan)', 'Europe/Paris', 0.8),
    ('25', 'Préfecture du Doubs (Besançon)', 'Europe/Paris', 0.6),
    ('80', 'Préfecture de la Somme (Amiens)', 'Europe/Paris', 0.6),
    ('51', 'Préfecture de la Marne (Châlons-en-Champagne)', 'Europe/Paris', 0.6),
    ('2A', 'Préfecture de Corse-du-Sud (Ajaccio)', 'Europe/Paris', 0.3),
    ('971', 'Préfecture de la Guadeloupe (Basse-Terre)', 'America/Guadeloupe', 0.8),
    ('972', 'Préfecture de la Martinique (Fort-de-France)', 'America/Martinique', 0.5),
    ('973', 'Préfecture de la Guyane (Cayenne)', 'America/Cayenne', 1.5),
    ('974', 'Préfecture de La Réunion (Saint-Denis)', 'Indian/Reunion', 0.5),
    ('976', 'Préfecture de Mayotte (Mamoudzou)', 'Indian/Mayotte', 1.5);

-- Towns where associations are, how many there tend to be, and the postal codes of their
-- applicants (postal .. postal + variants - 1).
CREATE TABLE gen.city (ord, slug, label, city, dept, weight, postal, variants) AS VALUES
    (1, 'paris', 'Paris', 'Paris', '75', 12.0, 75001, 20),
    (2, 'saint-denis', 'Saint-Denis', 'Saint-Denis', '93', 4.0, 93200, 1),
    (3, 'montreuil', 'Montreuil', 'Montreuil', '93', 3.0, 93100, 1),
    (4, 'aubervilliers', 'Aubervilliers', 'Aubervilliers', '93', 2.0, 93300, 1),
    (5, 'bobigny', 'Bobigny', 'Bobigny', '93', 1.0, 93000, 1),
    (6, 'lyon', 'Lyon', 'Lyon', '69', 8.0, 69001, 9),
    (7, 'villeurbanne', 'Villeurbanne', 'Villeurbanne', '69', 2.0, 69100, 1),
    (8, 'venissieux', 'Vénissieux', 'Vénissieux', '69', 1.0, 69200, 1),
    (9, 'marseille', 'Marseille', 'Marseille', '13', 8.0, 13001, 16),
    (10, 'aix-en-provence', 'Aix-en-Provence', 'Aix-en-Provence', '13', 1.0, 13090, 1),
    (11, 'lille', 'Lille', 'Lille', '59', 5.0, 59000, 1),
    (12, 'roubaix', 'Roubaix', 'Roubaix', '59', 2.0, 59100, 1),
    (13, 'tourcoing', 'Tourcoing', 'Tourcoing', '59', 1.0, 59200, 1),
    (14, 'bordeaux', 'Bordeaux', 'Bordeaux', '33', 4.0, 33000, 1),
    (15, 'toulouse', 'Toulouse', 'Toulouse', '31', 5.0, 31000, 1),
    (16, 'strasbourg', 'Strasbourg', 'Strasbourg', '67', 4.0, 67000, 1),
    (17, 'metz', 'Metz', 'Metz', '57', 2.0, 57000, 1),
    (18, 'nancy', 'Nancy', 'Nancy', '54', 2.0, 54000, 1),
    (19, 'nantes', 'Nantes', 'Nantes', '44', 4.0, 44000, 1),
    (20, 'rennes', 'Rennes', 'Rennes', '35', 3.0, 35000, 1),
    (21, 'montpellier', 'Montpellier', 'Montpellier', '34', 4.0, 34000, 1),
    (22, 'nice', 'Nice', 'Nice', '06', 3.0, 6000, 1),
    (23, 'grenoble', 'Grenoble', 'Grenoble', '38', 4.0, 38000, 1),
    (24, 'rouen', 'Rouen', 'Rouen', '76', 2.0, 76000, 1),
    (25, 'le-havre', 'Le Havre', 'Le Havre', '76', 1.0, 76600, 1),
    (26, 'clermont-ferrand', 'Clermont-Ferrand', 'Clermont-Ferrand', '63', 2.0, 63000, 1),
    (27, 'dijon', 'Dijon', 'Dijon', '21', 1.0, 21000, 1),
    (28, 'orleans', 'Orléans', 'Orléans', '45', 1.0, 45000, 1),
    (29, 'tours', 'Tours', 'Tours', '37', 1.0, 37000, 1),
    (30, 'angers', 'Angers', 'Angers', '49', 1.0, 49000, 1),
    (31, 'poitiers', 'Poitiers', 'Poitiers', '86', 1.0, 86000, 1),
    (32, 'limoges', 'Limoges', 'Limoges', '87', 1.0, 87000, 1),
    (33, 'saint-etienne', 'Saint-Étienne', 'Saint-Étienne', '42', 2.0, 42000, 1),
    (34, 'creteil', 'Créteil', 'Créteil', '94', 2.0, 94000, 1),
    (35, 'ivry-sur-seine', 'Ivry-sur-Seine', 'Ivry-sur-Seine', '94', 1.0, 94200, 1),
    (36, 'nanterre', 'Nanterre', 'Nanterre', '92', 2.0, 92000, 1),
    (37, 'gennevilliers', 'Gennevilliers', 'Gennevilliers', '92', 1.0, 92230, 1),
    (38, 'argenteuil', 'Argenteuil', 'Argenteuil', '95', 2.0, 95100, 1),
    (39, 'cergy', 'Cergy', 'Cergy', '95', 1.0, 95000, 1),
    (40, 'evry', 'Évry', 'Évry-Courcouronnes', '91', 1.0, 91000, 1),
    (41, 'versailles', 'Versailles', 'Versailles', '78', 1.0, 78000, 1),
    (42, 'mantes-la-jolie', 'Mantes-la-Jolie', 'Mantes-la-Jolie', '78', 1.0, 78200, 1),
    (43, 'melun', 'Melun', 'Melun', '77', 1.0, 77000, 1),
    (44, 'meaux', 'Meaux', 'Meaux', '77', 1.0, 77100, 1),
    (45, 'avignon', 'Avignon', 'Avignon', '84', 1.0, 84000, 1),
    (46, 'nimes', 'Nîmes', 'Nîmes', '30', 1.0, 30000, 1),
    (47, 'perpignan', 'Perpignan', 'Perpignan', '66', 1.0, 66000, 1),
    (48, 'besancon', 'Besançon', 'Besançon', '25', 1.0, 25000, 1),
    (49, 'amiens', 'Amiens', 'Amiens', '80', 1.0, 80000, 1),
    (50, 'mulhouse', 'Mulhouse', 'Mulhouse', '68', 2.0, 68100, 1),
    (51, 'colmar', 'Colmar', 'Colmar', '68', 1.0, 68000, 1),
    (52, 'brest', 'Brest', 'Brest', '29', 1.0, 29200, 1),
    (53, 'reims', 'Reims', 'Reims', '51', 1.0, 51100, 1),
    (54, 'ajaccio', 'Ajaccio', 'Ajaccio', '2A', 0.5, 20000, 1),
    (55, 'pointe-a-pitre', 'Pointe-à-Pitre', 'Pointe-à-Pitre', '971', 1.0, 97110, 1),
    (56, 'fort-de-france', 'Fort-de-France', 'Fort-de-France', '972', 0.5, 97200, 1),
    (57, 'cayenne', 'Cayenne', 'Cayenne', '973', 1.5, 97300, 1),
    (58, 'saint-denis-reunion', 'Saint-Denis de La Réunion', 'Saint-Denis', '974', 1.0, 97400, 1),
    (59, 'mamoudzou', 'Mamoudzou', 'Mamoudzou', '976', 1.5, 97600, 1);

-- Kinds of associations: slug prefix and name prefix.
CREATE TABLE gen.kind (ord, slug, name) AS VALUES
    (1, 'accueil-etrangers', 'Accueil Étrangers'),
    (2, 'droits-devant', 'Droits Devant'),
    (3, 'solidarite-exiles', 'Solidarité Exilés'),
    (4, 'permanence-juridique', 'Permanence Juridique'),
    (5, 'collectif-sans-papiers', 'Collectif des Sans-Papiers'),
    (6, 'resf', 'Réseau Éducation Sans Frontières'),
    (7, 'asti', 'ASTI'),
    (8, 'terre-d-accueil', 'Terre d''Accueil'),
    (9, 'maison-des-droits', 'Maison des Droits'),
    (10, 'point-d-appui', 'Point d''Appui'),
    (11, 'ligue-des-droits', 'Ligue des Droits'),
    (12, 'amis-des-migrants', 'Les Amis des Migrants'),
    (13, 'cercle-juridique', 'Cercle Juridique des Étrangers'),
    (14, 'entraide-migrants', 'Entraide Migrants'),
    (15, 'passerelles-sejour', 'Passerelles Séjour'),
    (16, 'femmes-migrantes', 'Femmes Migrantes Solidaires'),
    (17, 'jeunes-majeurs', 'Jeunes Majeurs Sans Frontières'),
    (18, 'hospitalite', 'Hospitalité');

CREATE TABLE gen.street (idx, name) AS VALUES
    (1, 'rue de la République'), (2, 'avenue Jean-Jaurès'), (3, 'rue Victor-Hugo'), (4, 'boulevard de la Liberté'),
    (5, 'rue Pasteur'), (6, 'allée des Tilleuls'), (7, 'rue du Moulin'), (8, 'place de la Mairie'),
    (9, 'rue Gambetta'), (10, 'avenue de la Gare'), (11, 'rue Jules-Ferry'), (12, 'impasse des Lilas'),
    (13, 'rue de Verdun'), (14, 'cours Lafayette'), (15, 'rue Voltaire'), (16, 'avenue du Général-de-Gaulle'),
    (17, 'rue des Écoles'), (18, 'chemin des Vignes'), (19, 'rue Carnot'), (20, 'boulevard Émile-Zola'),
    (21, 'rue Paul-Vaillant-Couturier'), (22, 'rue Danton'), (23, 'avenue Henri-Barbusse'), (24, 'rue de Paris');

CREATE TABLE gen.family_note (idx, text) AS VALUES
    (1, 'Hébergé chez un frère en attendant un logement.'),
    (2, 'Enfants scolarisés depuis la maternelle : certificats de scolarité à demander chaque année.'),
    (3, 'Conjoint en situation régulière, vie commune attestée par un bail au deux noms.'),
    (4, 'Parents décédés ; une sœur vit en France avec une carte de résident.'),
    (5, 'Suivi par l''aide sociale à l''enfance jusqu''à sa majorité.'),
    (6, 'Famille restée au pays ; envoie de l''argent chaque mois (reçus conservés).'),
    (7, 'Séparé, droit de visite un week-end sur deux (jugement du juge aux affaires familiales).');

-- Grounds (CESEDA articles, fr.passerelle.cases.Ground), weighted to L435-1 and L423-23.
CREATE TABLE gen.ground (ord, code, weight) AS VALUES
    (1, 'L435-1', 34.0), (2, 'L423-23', 26.0), (3, 'L423-7', 10.0), (4, 'L423-1', 8.0), (5, 'L425-9', 7.0),
    (6, 'L423-21', 5.0), (7, 'L423-22', 4.0), (8, 'L425-1', 3.0), (9, 'L435-4', 3.0);

-- Case statuses (fr.passerelle.cases.CaseStatus): how common, how many open tasks relative to
-- the others, and how old such a case is (days before the reference instant).
CREATE TABLE gen.status (ord, code, weight, task_factor, age_lo, age_hi) AS VALUES
    (1, 'PREPARATION', 14.0, 0.6, 152, 260),
    (2, 'APPOINTMENT', 20.0, 1.0, 152, 420),
    (3, 'FILED', 13.0, 1.0, 180, 520),
    (4, 'UNDER_REVIEW', 24.0, 1.1, 200, 700),
    (5, 'COMMISSION', 5.0, 1.3, 250, 800),
    (6, 'GRANTED', 6.0, 0.5, 300, 900),
    (7, 'REFUSED', 7.0, 1.2, 300, 900),
    (8, 'APPEAL', 10.0, 1.5, 350, 1000),
    (9, 'CLOSED', 1.0, 0.4, 400, 1050);

-- Which user tasks are open in a case of each status, and how often. Keys are the BPMN
-- process ids (the steps) and user task ids; names and roles come from the deployed models.
CREATE TABLE gen.task_weight (status text, step text, task_key text, weight numeric);
INSERT INTO gen.task_weight
SELECT status, step, task_key, weight
FROM (VALUES
    ('PREPARATION', 'regularisation', 'prepareCase', 6.0),
    ('PREPARATION', 'appointment', 'recordBookingAttempt', 2.0),
    ('PREPARATION', 'appointment', 'fileOnline', 1.0),
    ('APPOINTMENT', 'regularisation', 'prepareCase', 1.0),
    ('APPOINTMENT', 'appointment', 'fileOnline', 1.0),
    ('APPOINTMENT', 'appointment', 'recordBookingAttempt', 4.0),
    ('APPOINTMENT', 'appointment', 'sendRegisteredLetter', 1.0),
    ('APPOINTMENT', 'appointment', 'awaitPrefectureAnswer', 2.0),
    ('APPOINTMENT', 'appointment', 'followUp', 2.0),
    ('APPOINTMENT', 'appointment', 'prepareAppointment', 2.0),
    ('APPOINTMENT', 'appointment', 'attendAppointment', 1.0),
    ('FILED', 'filing', 'recordFiling', 3.0),
    ('FILED', 'filing', 'payFilingFee', 2.0),
    ('FILED', 'filing', 'sendMissingPieces', 2.0),
    ('FILED', 'filing', 'confirmCompleteness', 2.0),
    ('FILED', 'receipt', 'recordReceipt', 2.0),
    ('FILED', 'receipt', 'demandReceipt', 1.0),
    ('UNDER_REVIEW', 'receipt', 'recordReceipt', 2.0),
    ('UNDER_REVIEW', 'receipt', 'renewReceipt', 3.0),
    ('UNDER_REVIEW', 'receipt', 'demandReceipt', 1.0),
    ('UNDER_REVIEW', 'filing', 'sendMissingPieces', 1.0),
    ('UNDER_REVIEW', 'filing', 'confirmCompleteness', 1.0),
    ('UNDER_REVIEW', 'decision', 'requestReasons', 1.0),
    ('COMMISSION', 'commission-hearing', 'recordConvocation', 2.0),
    ('COMMISSION', 'commission-hearing', 'contestLateConvocation', 1.0),
    ('COMMISSION', 'commission-hearing', 'prepareHearing', 2.0),
    ('COMMISSION', 'commission-hearing', 'attendHearing', 1.0),
    ('COMMISSION', 'commission-hearing', 'recordOpinion', 1.0),
    ('COMMISSION', 'receipt', 'renewReceipt', 2.0),
    ('COMMISSION', 'receipt', 'recordReceipt', 1.0),
    ('GRANTED', 'decision', 'collectCard', 3.0),
    ('GRANTED', 'receipt', 'renewReceipt', 1.0),
    ('REFUSED', 'regularisation', 'chooseAppealStrategy', 3.0),
    ('REFUSED', 'regularisation', 'decideContentiousAppeal', 1.0),
    ('REFUSED', 'decision', 'requestReasons', 2.0),
    ('REFUSED', 'decision', 'oqtfOrdinary', 1.0),
    ('REFUSED', 'decision', 'oqtfHouseArrest', 0.3),
    ('REFUSED', 'decision', 'oqtfRetention', 0.2),
    ('APPEAL', 'regularisation', 'decideContentiousAppeal', 1.0),
    ('APPEAL', 'appeal-gracious', 'sendGraciousAppeal', 2.0),
    ('APPEAL', 'appeal-gracious', 'checkGraciousAppealSent', 0.5),
    ('APPEAL', 'appeal-gracious', 'recordGraciousAppealReceipt', 1.0),
    ('APPEAL', 'appeal-hierarchical', 'sendHierarchicalAppeal', 1.0),
    ('APPEAL', 'appeal-hierarchical', 'checkHierarchicalAppealSent', 0.3),
    ('APPEAL', 'appeal-hierarchical', 'recordHierarchicalAppealReceipt', 0.7),
    ('APPEAL', 'appeal-contentious', 'offerAppealToLawyer', 1.0),
    ('APPEAL', 'appeal-contentious', 'acceptAppeal', 1.0),
    ('APPEAL', 'appeal-contentious', 'chooseContentiousStrategy', 0.8),
    ('APPEAL', 'appeal-contentious', 'requestLegalAid', 1.0),
    ('APPEAL', 'appeal-contentious', 'recordLegalAidDecision', 0.8),
    ('APPEAL', 'appeal-contentious', 'fileRequest', 0.8),
    ('APPEAL', 'appeal-contentious', 'handleMissedFilingDeadline', 0.2),
    ('APPEAL', 'appeal-contentious', 'fileSuspensionRequest', 0.3),
    ('APPEAL', 'appeal-contentious', 'fileLibertyRequest', 0.1),
    ('APPEAL', 'appeal-contentious', 'recordUrgentOrder', 0.2),
    ('APPEAL', 'appeal-contentious', 'recordHearingDate', 0.6),
    ('APPEAL', 'appeal-contentious', 'reportHearing', 0.4),
    ('APPEAL', 'appeal-contentious', 'requestJudgmentExecution', 0.2),
    ('APPEAL', 'appeal-contentious', 'closeRejectedAppeal', 0.2),
    ('CLOSED', 'regularisation', 'obtainPermitAfterJudgment', 1.0),
    ('CLOSED', 'appeal-contentious', 'closeRejectedAppeal', 1.0),
    ('CLOSED', 'decision', 'collectCard', 1.0)
) AS v(status, step, task_key, weight);

-- lo/hi intervals for the weighted tables (numeric sums: exact, whatever the row order).
ALTER TABLE gen.nationality ADD COLUMN lo double precision, ADD COLUMN hi double precision;
UPDATE gen.nationality t SET lo = s.lo, hi = s.hi FROM (
    SELECT code, ((sum(weight) OVER w - weight) / sum(weight) OVER ())::double precision AS lo,
           (sum(weight) OVER w / sum(weight) OVER ())::double precision AS hi
    FROM gen.nationality WINDOW w AS (ORDER BY code)) s WHERE s.code = t.code;
ALTER TABLE gen.department ADD COLUMN lo double precision, ADD COLUMN hi double precision;
UPDATE gen.department t SET lo = s.lo, hi = s.hi FROM (
    SELECT code, ((sum(weight) OVER w - weight) / sum(weight) OVER ())::double precision AS lo,
           (sum(weight) OVER w / sum(weight) OVER ())::double precision AS hi
    FROM gen.department WINDOW w AS (ORDER BY code)) s WHERE s.code = t.code;
ALTER TABLE gen.ground ADD COLUMN lo double precision, ADD COLUMN hi double precision;
UPDATE gen.ground t SET lo = s.lo, hi = s.hi FROM (
    SELECT ord, ((sum(weight) OVER w - weight) / sum(weight) OVER ())::double precision AS lo,
           (sum(weight) OVER w / sum(weight) OVER ())::double precision AS hi
    FROM gen.ground WINDOW w AS (ORDER BY ord)) s WHERE s.ord = t.ord;
ALTER TABLE gen.status ADD COLUMN lo double precision, ADD COLUMN hi double precision;
UPDATE gen.status t SET lo = s.lo, hi = s.hi FROM (
    SELECT ord, ((sum(weight) OVER w - weight) / sum(weight) OVER ())::double precision AS lo,
           (sum(weight) OVER w / sum(weight) OVER ())::double precision AS hi
    FROM gen.status WINDOW w AS (ORDER BY ord)) s WHERE s.ord = t.ord;

-- Weighted choices as 10,000 slots each (slot k holds the row whose interval contains
-- (k - 0.5) / 10000): a choice is an equality join on (name, k), k = gen.pick(10000, u).
CREATE TABLE gen.slot (name text, k int, code text, PRIMARY KEY (name, k));
INSERT INTO gen.slot
SELECT 'nationality', k, t.code
FROM generate_series(1, 10000) AS k JOIN gen.nationality t ON (k - 0.5) / 10000 >= t.lo AND (k - 0.5) / 10000 < t.hi;
INSERT INTO gen.slot
SELECT 'department', k, t.code
FROM generate_series(1, 10000) AS k JOIN gen.department t ON (k - 0.5) / 10000 >= t.lo AND (k - 0.5) / 10000 < t.hi;
INSERT INTO gen.slot
SELECT 'ground', k, t.code
FROM generate_series(1, 10000) AS k JOIN gen.ground t ON (k - 0.5) / 10000 >= t.lo AND (k - 0.5) / 10000 < t.hi;
INSERT INTO gen.slot
SELECT 'status', k, t.code
FROM generate_series(1, 10000) AS k JOIN gen.status t ON (k - 0.5) / 10000 >= t.lo AND (k - 0.5) / 10000 < t.hi;
INSERT INTO gen.slot
SELECT 'street', k, t.name
FROM generate_series(1, 10000) AS k JOIN gen.street t ON t.idx = 1 + (k - 1) * (SELECT count(*) FROM gen.street) / 10000;
INSERT INTO gen.slot
SELECT 'family_note', k, t.text
FROM generate_series(1, 10000) AS k JOIN gen.family_note t ON t.idx = 1 + (k - 1) * (SELECT count(*) FROM gen.family_note) / 10000;
ANALYZE gen.nationality, gen.department, gen.ground, gen.status, gen.names, gen.slot, gen.city, gen.kind;
