## Photos in articles, and editors' edits of a /post (docs/delivery.md, "Photos" and "Edits")

post-with-photo = 🖼 Its photo is stored with it: an alert about it goes out as the photo with its text.
post-edit-hint = ✏️ To correct the article, edit this message of yours.
