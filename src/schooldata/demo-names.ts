// Fictional names for the demo school, mixed the way an English secondary school's roll is.

export const DEMO_GIVEN_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Freya', 'Aisha', 'Zara', 'Maya', 'Priya', 'Chloe', 'Grace',
  'Ella', 'Sophie', 'Ruby', 'Niamh', 'Leah', 'Hannah', 'Fatima', 'Maryam', 'Poppy', 'Evie',
  'Imogen', 'Jessica', 'Amira', 'Lily', 'Erin', 'Mia', 'Harriet', 'Zoë', 'Siân', 'Chiamaka',
  'Oliver', 'George', 'Harry', 'Jack', 'Leo', 'Arthur', 'Muhammad', 'Ibrahim', 'Yusuf', 'Kai',
  'Ethan', 'Callum', 'Rhys', 'Owen', 'Dylan', 'Kwame', 'Tomasz', 'Jakub', 'Ravi', 'Arjun',
  'Liam', 'Finn', 'Alfie', 'Theo', 'Samuel', 'Joseph', 'Reuben', 'Hamza', 'Dónal', 'Tobi',
] as const;

export const DEMO_FAMILY_NAMES = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Roberts',
  'Johnson', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall',
  'Wood', 'Clarke', 'Jackson', 'Lewis', 'Ward', 'Turner', 'Cooper', 'Hill', 'Baker', 'Morgan',
  'Khan', 'Ahmed', 'Begum', 'Hussain', 'Ali', 'Patel', 'Shah', 'Singh', 'Kaur', 'Chen',
  'Nguyen', 'Nowak', 'Kowalski', 'Okafor', 'Adeyemi', 'Mensah', 'Osei', "O'Brien", 'Murphy', 'Kelly',
  'Walsh', 'MacDonald', 'Campbell', 'Fraser', 'Llewellyn', 'Pryce-Jones', 'Da Silva', 'Popescu', 'Yilmaz', 'Ferreira',
] as const;
