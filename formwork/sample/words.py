"""Invented words for a fictional council: people, streets, towns.

Everything here is made up or a common English word. Names are common given
names and surnames paired at random, so no generated person is a real citizen;
streets are a common stem plus a suffix, placed in invented towns with
postcodes in the ``FW`` area, which the Royal Mail does not use.
"""

from __future__ import annotations

FEMALE_NAMES: tuple[str, ...] = (
    "Abigail", "Aisha", "Alice", "Amara", "Amelia", "Amy", "Angela", "Anna", "Ayesha", "Beatrice",
    "Bethany", "Bridget", "Caitlin", "Carol", "Charlotte", "Chloe", "Claire", "Deborah", "Eleanor",
    "Elif", "Elizabeth", "Ella", "Emily", "Emma", "Esther", "Eva", "Fatima", "Fiona", "Florence",
    "Freya", "Gemma", "Georgia", "Grace", "Hannah", "Harriet", "Helen", "Holly", "Imogen", "Isabel",
    "Isla", "Jade", "Jane", "Janet", "Jennifer", "Jessica", "Joanna", "Julia", "Karen", "Katie",
    "Laura", "Leah", "Lily", "Lucy", "Maria", "Marian", "Martha", "Maryam", "Megan", "Mia",
    "Natalie", "Niamh", "Nicola", "Olivia", "Patricia", "Priya", "Rachel", "Rebecca", "Rosie",
    "Ruth", "Samina", "Sarah", "Shona", "Sian", "Sophie", "Susan", "Tamsin", "Zara", "Zofia",
)

MALE_NAMES: tuple[str, ...] = (
    "Aaron", "Adam", "Ahmed", "Alan", "Alexander", "Alfie", "Andrew", "Anthony", "Arjun", "Ben",
    "Callum", "Carl", "Charlie", "Christopher", "Colin", "Connor", "Daniel", "David", "Dominic",
    "Edward", "Ethan", "Finley", "Gareth", "George", "Graham", "Harry", "Hassan", "Henry", "Ian",
    "Imran", "Isaac", "Jack", "Jacob", "James", "Jamie", "John", "Jonathan", "Joseph", "Kevin",
    "Kwame", "Leo", "Lewis", "Liam", "Luke", "Marcus", "Mark", "Matthew", "Michael", "Mohammed",
    "Nathan", "Neil", "Nicholas", "Oliver", "Oscar", "Owen", "Patrick", "Paul", "Peter", "Piotr",
    "Rhys", "Richard", "Robert", "Ryan", "Samuel", "Simon", "Stephen", "Stuart", "Thomas", "Tomasz",
    "Tyler", "William", "Yusuf",
)

SURNAMES: tuple[str, ...] = (
    "Abbott", "Adams", "Ahmed", "Ali", "Allen", "Anderson", "Armstrong", "Atkinson", "Bailey",
    "Baker", "Banks", "Barker", "Barnes", "Bell", "Bennett", "Berry", "Bird", "Bishop", "Booth",
    "Bowen", "Bradley", "Brooks", "Brown", "Burns", "Butler", "Campbell", "Carter", "Chambers",
    "Chapman", "Clarke", "Cole", "Collins", "Cook", "Cooper", "Cox", "Davies", "Dawson", "Dixon",
    "Doyle", "Duncan", "Edwards", "Ellis", "Evans", "Farrell", "Fisher", "Fletcher", "Ford",
    "Foster", "Fox", "Francis", "Gardner", "Gibson", "Gill", "Gordon", "Graham", "Grant", "Gray",
    "Green", "Griffiths", "Hall", "Hamilton", "Harper", "Harris", "Hart", "Hayes", "Hill",
    "Holmes", "Hope", "Howard", "Hughes", "Hunt", "Hussain", "Jackson", "James", "Jenkins",
    "Johnson", "Jones", "Kaur", "Kelly", "Kennedy", "Khan", "King", "Knight", "Kowalski", "Lane",
    "Lawrence", "Lee", "Lewis", "Lloyd", "Marsh", "Marshall", "Martin", "Mason", "Matthews",
    "McDonald", "Miller", "Mills", "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Murray",
    "Nowak", "O'Brien", "O'Connor", "Okafor", "Osei", "Owen", "Palmer", "Parker", "Patel",
    "Pearson", "Phillips", "Powell", "Price", "Quinn", "Reid", "Reynolds", "Richards", "Roberts",
    "Robinson", "Rogers", "Rose", "Russell", "Saunders", "Scott", "Shah", "Sharp", "Shaw",
    "Simpson", "Singh", "Smith", "Spencer", "Stevens", "Stone", "Sutton", "Taylor", "Thomas",
    "Thompson", "Turner", "Walker", "Walsh", "Ward", "Watson", "Webb", "Wells", "West", "White",
    "Wilkinson", "Williams", "Wilson", "Wood", "Wright", "Young",
)

STREET_STEMS: tuple[str, ...] = (
    "Acorn", "Alder", "Ash", "Ashgrove", "Badger", "Barley", "Beacon", "Beech", "Bell", "Birch",
    "Blackthorn", "Bluebell", "Bramble", "Brewery", "Bridge", "Brook", "Buttercup", "Castle",
    "Cedar", "Chapel", "Cherry", "Chestnut", "Church", "Clover", "Coach", "Copper", "Corn",
    "Cowslip", "Cross", "Daisy", "Dove", "Elder", "Elm", "Falcon", "Fern", "Field", "Forge",
    "Foxglove", "Garden", "Glebe", "Gravel", "Hawthorn", "Hazel", "Heath", "Heron", "Highfield",
    "Hill", "Holly", "Ivy", "Juniper", "Kestrel", "Kiln", "King", "Lark", "Laurel", "Lavender",
    "Lime", "Linden", "Long", "Maple", "Market", "Marsh", "Meadow", "Mill", "Mulberry", "Nelson",
    "North", "Oak", "Orchard", "Osier", "Park", "Pear", "Pinfold", "Plough", "Poplar", "Primrose",
    "Priory", "Quarry", "Queen", "Railway", "Rectory", "River", "Robin", "Rookery", "Rose",
    "Rowan", "Saxon", "School", "Sedge", "Sheep", "Silver", "Slade", "Sorrel", "South", "Spring",
    "Station", "Swallow", "Swan", "Sycamore", "Tannery", "Thistle", "Tower", "Vicarage", "Walnut",
    "Water", "Weaver", "Well", "West", "Wharf", "Willow", "Windmill", "Wren", "Yew",
)

#: Street suffixes; the first ones are commoner.
STREET_SUFFIXES: tuple[str, ...] = (
    "Road", "Street", "Lane", "Avenue", "Close", "Road", "Street", "Lane", "Drive", "Way",
    "Gardens", "Crescent", "Grove", "Place", "Terrace", "Court", "Walk", "Rise", "Mews",
)

#: What people write for a suffix when they are in a hurry (normalise.address_key undoes these).
STREET_ABBREVIATIONS: dict[str, str] = {
    "Road": "Rd", "Street": "St", "Lane": "Ln", "Avenue": "Ave", "Close": "Cl", "Drive": "Dr",
    "Crescent": "Cres", "Gardens": "Gdns", "Place": "Pl", "Terrace": "Tce", "Court": "Ct",
    "Grove": "Gr",
}

HOUSE_NAMES: tuple[str, ...] = (
    "Rose Cottage", "The Old Forge", "Orchard House", "The Laurels", "Ivy Cottage", "Mill House",
    "The Granary", "Holly Lodge", "Brook Cottage", "The Old Bakery", "Meadow View", "Wren Cottage",
    "The Coach House", "Fern Lodge", "Little Acre", "The Barn",
)

#: Invented towns of the district, each with its postcode districts (outward codes).
TOWNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Formwick", ("FW1", "FW2", "FW3", "FW4", "FW5", "FW6")),
    ("Ashby Vale", ("FW7", "FW8")),
    ("Kelbridge", ("FW9", "FW10")),
    ("Thornby Market", ("FW11",)),
    ("Lower Wexcombe", ("FW12",)),
    ("Harrowdene", ("FW13", "FW14")),
)

#: Localities written on line 2 of some addresses.
LOCALITIES: tuple[str, ...] = (
    "Upper Ashby", "Millbrook", "Kelbridge Green", "Wexcombe St Giles", "Thornby End",
    "Harrow Common", "Northfield",
)

WARDS: tuple[str, ...] = (
    "Abbey", "Ashby North", "Ashby South", "Bridge", "Castle", "Cathedral", "Eastgate",
    "Harrowdene", "Kelbridge", "Market", "Millbrook", "Priory", "Riverside", "St Giles",
    "Thornby", "Wexcombe", "Westgate", "Wharf",
)

#: Fictional councils that issue the sample forms.
COUNCILS: tuple[str, ...] = (
    "Formwick District Council", "Borough of Formwick", "Formwick Borough Council",
    "Formwick and Ashby Vale District Council",
)

#: Places people move to; real cities are fine here, only people and homes are invented.
DESTINATIONS: tuple[str, ...] = (
    "Leeds", "Bristol", "Norwich", "Manchester", "Cardiff", "York", "Exeter", "Glasgow",
    "Nottingham", "Brighton", "Sheffield", "Leicester", "Plymouth", "Ipswich",
)

#: Outward codes used for addresses outside the district; fictional areas, like ``FW``.
OUTSIDE_OUTWARD: tuple[str, ...] = ("QX4", "QX11", "VW2", "VW9", "ZY3", "JQ7")

#: Letters Royal Mail uses in the inward part of a postcode (no C, I, K, M, O, V).
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

TITLES_FEMALE: tuple[str, ...] = ("Mrs", "Ms", "Miss", "Dr")
TITLES_MALE: tuple[str, ...] = ("Mr", "Mr", "Mr", "Dr")
