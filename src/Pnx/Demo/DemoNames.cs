namespace Pnx.Demo;

/// <summary>
/// Hand-made name lists of the origins newcomers in Flanders most often have, each with the contact
/// languages that go with it. Combined at random: the people they make up do not exist.
/// </summary>
internal static class DemoNames
{
    public sealed record Origin(string Name, float Weight, string[] Languages, string[] GivenNames, string[] FamilyNames);

    public static readonly Origin[] Origins =
    [
        new("Syrisch", 15, ["ar"],
            ["Mohammed", "Ahmad", "Omar", "Khaled", "Yousef", "Hassan", "Mahmoud", "Rami", "Fatima", "Aisha", "Layla", "Noor", "Rania", "Hiba", "Yasmin", "Amira"],
            ["Al-Hassan", "Haddad", "Khalil", "Nasser", "Saleh", "Darwish", "Al-Masri", "Hamdan", "Abboud", "Kassem", "Sabbagh", "Al-Ahmad"]),
        new("Marokkaans", 9, ["ar", "ar", "fr"],
            ["Youssef", "Mehdi", "Hamza", "Bilal", "Anouar", "Soufiane", "Imane", "Salma", "Khadija", "Zineb", "Meryem", "Naima"],
            ["El Amrani", "Benali", "El Idrissi", "Bouzid", "Ouali", "Chaouki", "Benjelloun", "El Khatib", "Azzouzi", "Tahiri"]),
        new("Arabisch", 6, ["ar"],
            ["Ali", "Hussein", "Mustafa", "Zainab", "Maryam", "Huda", "Karim", "Tariq", "Salwa", "Ibrahim"],
            ["Al-Jabouri", "Al-Saadi", "Abdullah", "Hamid", "Al-Najjar", "Qasim", "Odeh", "Barakat"]),
        new("Afghaans", 14, ["prs", "prs", "ps"],
            ["Ahmad", "Mohammad", "Farid", "Hamid", "Nasir", "Zabiullah", "Rahim", "Shabnam", "Mariam", "Parwana", "Zahra", "Soraya", "Farzana"],
            ["Ahmadzai", "Popal", "Noori", "Karimi", "Rahimi", "Hashimi", "Stanikzai", "Sultani", "Wardak", "Amiri"]),
        new("Oekraïens", 15, ["uk", "uk", "uk", "ru"],
            ["Oleksandr", "Andriy", "Dmytro", "Serhiy", "Mykola", "Yurii", "Olena", "Iryna", "Oksana", "Nataliia", "Yuliia", "Kateryna", "Tetiana"],
            ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko", "Kovalchuk", "Oliinyk", "Marchenko", "Lysenko"]),
        new("Eritrees", 9, ["ti"],
            ["Yonas", "Tesfay", "Haile", "Dawit", "Mehari", "Filmon", "Mussie", "Semhar", "Helen", "Selam", "Ruth", "Saba"],
            ["Tesfamariam", "Gebremedhin", "Habte", "Kidane", "Berhane", "Tekle", "Woldemichael", "Ghebreyesus", "Asmerom"]),
        new("Somalisch", 6, ["so"],
            ["Abdirahman", "Abdullahi", "Mohamed", "Hassan", "Farah", "Hodan", "Amina", "Sahra", "Faadumo", "Ifrah", "Ayaan"],
            ["Warsame", "Farah", "Hirsi", "Abdi", "Jama", "Osman", "Aden", "Mohamud", "Ali", "Hussein"]),
        new("Turks", 7, ["tr"],
            ["Mehmet", "Mustafa", "Emre", "Burak", "Murat", "Ayşe", "Elif", "Zeynep", "Fatma", "Emine", "Hatice"],
            ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan"]),
        new("Congolees", 8, ["fr", "fr", "fr", "ln"],
            ["Jean-Pierre", "Patrick", "Christian", "Glody", "Cédric", "Merveille", "Grâce", "Divine", "Esther", "Plamedi"],
            ["Mukendi", "Kabongo", "Tshibangu", "Ilunga", "Kalala", "Mbuyi", "Ngoy", "Lukusa", "Kasongo", "Mutombo"]),
        new("Latijns-Amerikaans", 4, ["es"],
            ["Carlos", "Diego", "José", "Luis", "María", "Camila", "Valentina", "Daniela", "Andrés", "Gabriela"],
            ["García", "Rodríguez", "López", "Hernández", "Martínez", "Pérez", "Gómez", "Ramírez"]),
        new("Engelstalig", 4, ["en"],
            ["Chinedu", "Emeka", "Blessing", "Grace", "Priya", "Rahul", "Samuel", "Joy", "Kwame", "Abena"],
            ["Okafor", "Adeyemi", "Eze", "Sharma", "Patel", "Mensah", "Owusu", "Okonkwo"]),
        new("Franstalig", 2, ["fr"],
            ["Camille", "Lucas", "Léa", "Hugo", "Chloé", "Théo", "Manon", "Julien"],
            ["Dubois", "Lambert", "Martin", "Leclercq", "Moreau", "Lefèvre", "Girard"]),
    ];

    /// <summary>Dutch-named newcomers (e.g. from Suriname or the Netherlands): names come from Bogus's Dutch locale.</summary>
    public const float DutchWeight = 1;
}
